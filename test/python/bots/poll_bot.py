#!/usr/bin/env python3
"""A quiz answered from poll_answer, and a group's lunch vote closed with /results (python-telegram-bot 13, as its
pollbot.py example).

Run with TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT (the server's root: https://api.telegram.org, or the mock's).
"""
import logging
import os

from telegram import Poll, Update
from telegram.ext import CallbackContext, CommandHandler, PollAnswerHandler, Updater

logging.basicConfig(format="%(asctime)s - %(name)s - %(levelname)s - %(message)s", level=logging.INFO)


def quiz(update: Update, context: CallbackContext) -> None:
    message = update.effective_message.reply_poll(
        "How many moons has Mars?",
        ["None", "One", "Two"],
        type=Poll.QUIZ,
        correct_option_id=2,
        is_anonymous=False,
        explanation="Phobos and Deimos",
    )
    context.bot_data[message.poll.id] = {"chat_id": update.effective_chat.id, "correct": 2}


def receive_poll_answer(update: Update, context: CallbackContext) -> None:
    answer = update.poll_answer
    quiz_data = context.bot_data.get(answer.poll_id)
    if quiz_data is None:
        return
    verdict = "Well done" if quiz_data["correct"] in answer.option_ids else "Not quite"
    context.bot.send_message(quiz_data["chat_id"], f"{verdict}, {answer.user.first_name}!")


def lunch(update: Update, context: CallbackContext) -> None:
    message = update.effective_message.reply_poll("Lunch?", ["Pizza", "Sushi"], is_anonymous=False)
    context.chat_data["lunch"] = message.message_id


def results(update: Update, context: CallbackContext) -> None:
    poll = context.bot.stop_poll(update.effective_chat.id, context.chat_data["lunch"])
    update.effective_message.reply_text(", ".join(f"{option.text}: {option.voter_count}" for option in poll.options))


def main() -> None:
    updater = Updater(os.environ["TELEGRAM_BOT_TOKEN"], base_url=os.environ["TELEGRAM_API_ROOT"] + "/bot")
    dispatcher = updater.dispatcher
    dispatcher.add_handler(CommandHandler("quiz", quiz))
    dispatcher.add_handler(PollAnswerHandler(receive_poll_answer))
    dispatcher.add_handler(CommandHandler("lunch", lunch))
    dispatcher.add_handler(CommandHandler("results", results))
    updater.start_polling()
    updater.idle()


if __name__ == "__main__":
    main()
