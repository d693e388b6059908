#!/usr/bin/env python3
"""An inline bot: the query in three styles, and the chosen result signed (python-telegram-bot 13, as its
inlinebot.py example, with inline feedback).

Run with TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT (the server's root: https://api.telegram.org, or the mock's).
"""
import logging
import os
from uuid import uuid4

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InlineQueryResultArticle, InputTextMessageContent
from telegram import ParseMode, Update
from telegram.ext import CallbackContext, ChosenInlineResultHandler, InlineQueryHandler, Updater
from telegram.utils.helpers import escape_markdown

logging.basicConfig(format="%(asctime)s - %(name)s - %(levelname)s - %(message)s", level=logging.INFO)

SHARE = InlineKeyboardMarkup([[InlineKeyboardButton("Share again", switch_inline_query="")]])


def inlinequery(update: Update, context: CallbackContext) -> None:
    query = update.inline_query.query
    if query == "":
        return
    caps = str(uuid4())
    context.bot_data[caps] = query.upper()
    results = [
        InlineQueryResultArticle(
            id=caps, title="Caps", input_message_content=InputTextMessageContent(query.upper()), reply_markup=SHARE
        ),
        InlineQueryResultArticle(
            id=str(uuid4()),
            title="Bold",
            input_message_content=InputTextMessageContent(f"*{escape_markdown(query)}*", parse_mode=ParseMode.MARKDOWN),
            reply_markup=SHARE,
        ),
        InlineQueryResultArticle(
            id=str(uuid4()),
            title="Italic",
            input_message_content=InputTextMessageContent(f"_{escape_markdown(query)}_", parse_mode=ParseMode.MARKDOWN),
            reply_markup=SHARE,
        ),
    ]
    update.inline_query.answer(results, cache_time=0)


def chosen(update: Update, context: CallbackContext) -> None:
    result = update.chosen_inline_result
    text = context.bot_data.get(result.result_id, result.query)
    context.bot.edit_message_text(
        text + "\n(sent with inline mode)", inline_message_id=result.inline_message_id, reply_markup=SHARE
    )


def main() -> None:
    updater = Updater(os.environ["TELEGRAM_BOT_TOKEN"], base_url=os.environ["TELEGRAM_API_ROOT"] + "/bot")
    updater.dispatcher.add_handler(InlineQueryHandler(inlinequery))
    updater.dispatcher.add_handler(ChosenInlineResultHandler(chosen))
    updater.start_polling()
    updater.idle()


if __name__ == "__main__":
    main()
