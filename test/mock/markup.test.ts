/**
 * The mock's text parsers, one case per rule of TDLib's MessageEntity.cpp (parse_markdown, parse_markdown_v2,
 * parse_html): what each markup makes (plain text, entities with UTF-16 offsets) and each refusal's exact text, the
 * one a bot sees after "Bad Request: can't parse entities: ".
 */
import { describe, expect, it } from "vitest"
import { parseHtml } from "../../mock-server/src/input/markup/html.js"
import { parseMarkdown } from "../../mock-server/src/input/markup/markdown.js"
import { parseMarkdownV2 } from "../../mock-server/src/input/markup/markdownV2.js"

describe("Markdown (legacy)", () => {
  it("makes bold, italic, code, pre with its language and text links", () => {
    expect(parseMarkdown("*b* _i_ `c` [l](http://example.com/)")).toEqual({
      text: "b i c l",
      entities: [
        { type: "bold", offset: 0, length: 1 },
        { type: "italic", offset: 2, length: 1 },
        { type: "code", offset: 4, length: 1 },
        { type: "text_link", offset: 6, length: 1, url: "http://example.com/" }
      ]
    })
    expect(parseMarkdown("```js\nlet x```")).toEqual({
      text: "let x",
      entities: [{ type: "pre", offset: 0, length: 5, language: "js" }]
    })
    expect(parseMarkdown("```\r\nx```")).toEqual({ text: "x", entities: [{ type: "pre", offset: 0, length: 1 }] })
  })

  it("counts offsets in UTF-16 units (a 4-byte character is two)", () => {
    expect(parseMarkdown("é *😀x*")).toEqual({ text: "é 😀x", entities: [{ type: "bold", offset: 2, length: 3 }] })
  })

  it("keeps escaped markers as text, drops empty spans, takes a link's text as its URL without (url)", () => {
    expect(parseMarkdown("\\*a\\_ \\[b\\` **")).toEqual({ text: "*a_ [b` ", entities: [] })
    expect(parseMarkdown("[http://example.com/]")).toEqual({
      text: "http://example.com/",
      entities: [{ type: "text_link", offset: 0, length: 19, url: "http://example.com/" }]
    })
    expect(parseMarkdown("[x](not a url)")).toEqual({ text: "x", entities: [] })
    expect(parseMarkdown("[x](tg://user?id=42)")).toEqual({
      text: "x",
      entities: [{ type: "text_mention", offset: 0, length: 1, userId: 42 }]
    })
  })

  it("refuses an entity with no end, naming its byte offset", () => {
    expect(parseMarkdown("ab *bold")).toEqual({ error: "Can't find end of the entity starting at byte offset 3" })
    expect(parseMarkdown("é `x")).toEqual({ error: "Can't find end of the entity starting at byte offset 3" })
    expect(parseMarkdown("```pre``")).toEqual({ error: "Can't find end of the entity starting at byte offset 0" })
  })
})

describe("MarkdownV2", () => {
  it("makes every entity kind, nested, sorted by offset with the longer first", () => {
    expect(parseMarkdownV2("*b _i_* __u__ ~s~ ||p|| `c`")).toEqual({
      text: "b i u s p c",
      entities: [
        { type: "bold", offset: 0, length: 3 },
        { type: "italic", offset: 2, length: 1 },
        { type: "underline", offset: 4, length: 1 },
        { type: "strikethrough", offset: 6, length: 1 },
        { type: "spoiler", offset: 8, length: 1 },
        { type: "code", offset: 10, length: 1 }
      ]
    })
  })

  it("reads a pre block's language and lets code hold reserved characters", () => {
    expect(parseMarkdownV2("```python\nprint(1)```")).toEqual({
      text: "print(1)",
      entities: [{ type: "pre", offset: 0, length: 8, language: "python" }]
    })
    expect(parseMarkdownV2("```\nx.y```")).toEqual({ text: "x.y", entities: [{ type: "pre", offset: 0, length: 3 }] })
    expect(parseMarkdownV2("`a.b!`")).toEqual({ text: "a.b!", entities: [{ type: "code", offset: 0, length: 4 }] })
  })

  it("reads links with escaped characters in the URL, mentions and custom emoji", () => {
    expect(parseMarkdownV2("[l](http://example.com/a\\)b)")).toEqual({
      text: "l",
      entities: [{ type: "text_link", offset: 0, length: 1, url: "http://example.com/a)b" }]
    })
    expect(parseMarkdownV2("[you](tg://user?id=7)")).toEqual({
      text: "you",
      entities: [{ type: "text_mention", offset: 0, length: 3, userId: 7 }]
    })
    expect(parseMarkdownV2("![👍](tg://emoji?id=5368324170671202286)")).toEqual({
      text: "👍",
      entities: [{ type: "custom_emoji", offset: 0, length: 2, customEmojiId: "5368324170671202286" }]
    })
    expect(parseMarkdownV2("[x](not a url)")).toEqual({ text: "x", entities: [] })
  })

  it("makes block quotes, expandable ones with || at a line's end, and ends them at a line without >", () => {
    expect(parseMarkdownV2(">a\n>b")).toEqual({
      text: "a\nb",
      entities: [{ type: "blockquote", offset: 0, length: 3 }]
    })
    expect(parseMarkdownV2(">a\n>b||")).toEqual({
      text: "a\nb",
      entities: [{ type: "expandable_blockquote", offset: 0, length: 3 }]
    })
    expect(parseMarkdownV2(">a||\nc")).toEqual({
      text: "a\nc",
      entities: [{ type: "expandable_blockquote", offset: 0, length: 2 }]
    })
    expect(parseMarkdownV2(">q\nafter")).toEqual({
      text: "q\nafter",
      entities: [{ type: "blockquote", offset: 0, length: 2 }]
    })
  })

  it("keeps escaped characters as text", () => {
    expect(parseMarkdownV2("1\\.5 \\* \\> \\\\")).toEqual({ text: "1.5 * > \\", entities: [] })
  })

  it("refuses a reserved character, naming it", () => {
    for (const c of [".", "!", "|", "-", "(", "#", "+", "=", "{", "}"]) {
      expect(parseMarkdownV2(`a${c}b`), c).toEqual({
        error: `Character '${c}' is reserved and must be escaped with the preceding '\\'`
      })
    }
    expect(parseMarkdownV2("a >b")).toEqual({
      error: "Character '>' is reserved and must be escaped with the preceding '\\'"
    })
  })

  it("refuses an entity with no end, a URL with no ), and a custom emoji without its URL", () => {
    expect(parseMarkdownV2("ok *bold")).toEqual({ error: "Can't find end of Bold entity at byte offset 3" })
    expect(parseMarkdownV2("__u")).toEqual({ error: "Can't find end of Underline entity at byte offset 0" })
    expect(parseMarkdownV2(">*a\nb")).toEqual({ error: "Can't find end of Bold entity at byte offset 1" })
    expect(parseMarkdownV2("[x](http://a.com")).toEqual({ error: "Can't find end of a URL at byte offset 4" })
    expect(parseMarkdownV2("![x]")).toEqual({ error: "The entity must contain a tg://emoji or tg://time URL" })
    expect(parseMarkdownV2("![x](tg://emoji?id=abc)")).toEqual({
      error: "Invalid tg://emoji or tg://time URL specified"
    })
  })
})

describe("HTML", () => {
  it("makes every tag's entity, upper case and synonyms included", () => {
    expect(
      parseHtml(
        "<B>b</B><em>i</em><ins>u</ins><del>s</del><tg-spoiler>p</tg-spoiler><span class=\"tg-spoiler\">q</span>"
      )
    ).toEqual({
      text: "biuspq",
      entities: [
        { type: "bold", offset: 0, length: 1 },
        { type: "italic", offset: 1, length: 1 },
        { type: "underline", offset: 2, length: 1 },
        { type: "strikethrough", offset: 3, length: 1 },
        { type: "spoiler", offset: 4, length: 1 },
        { type: "spoiler", offset: 5, length: 1 }
      ]
    })
  })

  it("reads pre with a code's language either way round, links, mentions, custom emoji and block quotes", () => {
    expect(parseHtml("<pre><code class=\"language-ts\">x</code></pre>")).toEqual({
      text: "x",
      entities: [{ type: "pre", offset: 0, length: 1, language: "ts" }]
    })
    expect(parseHtml("<code>c</code> <pre>p</pre>")).toEqual({
      text: "c p",
      entities: [{ type: "code", offset: 0, length: 1 }, { type: "pre", offset: 2, length: 1 }]
    })
    expect(parseHtml("<a href='http://example.com/'>l</a> <a href=\"tg://user?id=9\">m</a>")).toEqual({
      text: "l m",
      entities: [
        { type: "text_link", offset: 0, length: 1, url: "http://example.com/" },
        { type: "text_mention", offset: 2, length: 1, userId: 9 }
      ]
    })
    expect(parseHtml("<tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji>")).toEqual({
      text: "👍",
      entities: [{ type: "custom_emoji", offset: 0, length: 2, customEmojiId: "5368324170671202286" }]
    })
    expect(parseHtml("<blockquote>q</blockquote><blockquote expandable>e</blockquote>")).toEqual({
      text: "qe",
      entities: [{ type: "blockquote", offset: 0, length: 1 }, { type: "expandable_blockquote", offset: 1, length: 1 }]
    })
    expect(parseHtml("<b></b>x")).toEqual({ text: "x", entities: [] })
  })

  it("decodes named and numeric character references, in text and in attribute values", () => {
    expect(parseHtml("&lt;&gt;&amp;&quot;&#65;&#x42;&#x1F600; &nbsp; &#0;")).toEqual({
      text: "<>&\"AB😀 &nbsp; &#0;",
      entities: []
    })
    expect(parseHtml("<a href=\"http://example.com/?a=1&amp;b=2\">l</a>")).toEqual({
      text: "l",
      entities: [{ type: "text_link", offset: 0, length: 1, url: "http://example.com/?a=1&b=2" }]
    })
  })

  it("refuses malformed tags with TDLib's texts", () => {
    const refusals: ReadonlyArray<readonly [string, string]> = [
      ["<x>y</x>", "Unsupported start tag \"x\" at byte offset 0"],
      ["a<b", "Unclosed start tag at byte offset 1"],
      ["<a href=", "Unclosed start tag \"a\" at byte offset 0"],
      ["<a href", "Unclosed start tag \"a\" at byte offset 0"],
      ["<a =x>", "Empty attribute name in the tag \"a\" at byte offset 0"],
      ["<a href=x!>l</a>", "Unexpected end of name token at byte offset 8"],
      ["<a href=\"x", "Unclosed start tag at byte offset 0"],
      ["</b>", "Unexpected end tag at byte offset 0"],
      ["<b>x</i>", "Unmatched end tag at byte offset 4, expected \"</b>\", found \"</i>\""],
      ["<b>x</b", "Unclosed end tag at byte offset 4"],
      ["<b>x", "Can't find end tag corresponding to start tag \"b\""],
      ["<span class=\"x\">a</span>", "Tag \"span\" must have class \"tg-spoiler\" at byte offset 0"],
      ["<tg-emoji emoji-id=\"abc\">x</tg-emoji>", "Invalid custom emoji identifier specified"]
    ]
    for (const [input, error] of refusals) expect(parseHtml(input), input).toEqual({ error })
  })
})
