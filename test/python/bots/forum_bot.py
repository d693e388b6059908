#!/usr/bin/env python3
"""Opens forum topics on request, answers in the topic it is written to, closes a topic (python-telegram-bot 13:
its replies quote the message, which keeps them in its topic).

Run with TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT (the server's root: https://api.telegram.org, or the mock's).
"""
import logging
import os

from telegram import Update
from telegram.ext import CallbackContext, CommandHandler, Filters, MessageHandler, Updater

logging.basicConfig(format="%(asctime)s - %(name)s - %(levelname)s - %(message)s", level=logging.INFO)


def open_topic(update: Update, context: CallbackContext) -> None:
    chat_id = update.effective_chat.id
    topic = context.bot.create_forum_topic(chat_id, " ".join(context.args))
    context.bot.send_message(chat_id, f"Welcome to {topic.name}!", message_thread_id=topic.message_thread_id)
    update.message.reply_text(f"Opened the topic {topic.name}")


def close_topic(update: Update, context: CallbackContext) -> None:
    update.message.reply_text("Closing this topic, thanks all.")
    update.message.close_forum_topic()


def note(update: Update, context: CallbackContext) -> None:
    update.message.reply_text(f"Noted, {update.effective_user.first_name}: {update.message.text}")


def main() -> None:
    updater = Updater(os.environ["TELEGRAM_BOT_TOKEN"], base_url=os.environ["TELEGRAM_API_ROOT"] + "/bot")
    dispatcher = updater.dispatcher
    dispatcher.add_handler(CommandHandler("topic", open_topic))
    dispatcher.add_handler(CommandHandler("close", close_topic))
    dispatcher.add_handler(MessageHandler(Filters.text & ~Filters.command, note))
    updater.start_polling()
    updater.idle()


if __name__ == "__main__":
    main()
