// The five-line grammY one-shot the start-up section compares `tg-invite export` with: same export, same mock.
import { Api } from "grammy"
const [chat, apiRoot] = process.argv.slice(2)
const api = new Api(process.env.TELEGRAM_BOT_TOKEN, { apiRoot })
console.log(await api.exportChatInviteLink(chat))
