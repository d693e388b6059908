#!/usr/bin/env python3
"""Sets its commands at start-up (for everyone, for groups, in German) and lists them on /help
(python-telegram-bot 13).

Run with TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT (the server's root: https://api.telegram.org, or the mock's).
"""
import logging
import os

from telegram import BotCommand, BotCommandScopeAllGroupChats, Update
from telegram.ext import CallbackContext, CommandHandler, Updater

logging.basicConfig(format="%(asctime)s - %(name)s - %(levelname)s - %(message)s", level=logging.INFO)


def help_command(update: Update, context: CallbackContext) -> None:
    commands = context.bot.get_my_commands()
    update.message.reply_text("\n".join(f"/{command.command} - {command.description}" for command in commands))


def main() -> None:
    updater = Updater(os.environ["TELEGRAM_BOT_TOKEN"], base_url=os.environ["TELEGRAM_API_ROOT"] + "/bot")
    bot = updater.bot
    bot.set_my_commands([BotCommand("start", "Start the bot"), BotCommand("help", "What I can do")])
    bot.set_my_commands([BotCommand("poll", "Start a vote")], scope=BotCommandScopeAllGroupChats())
    bot.set_my_commands([BotCommand("start", "Bot starten")], language_code="de")
    updater.dispatcher.add_handler(CommandHandler("help", help_command))
    updater.start_polling()
    updater.idle()


if __name__ == "__main__":
    main()
