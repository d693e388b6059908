#!/usr/bin/env python3
"""A pizza menu whose keyboard is edited on each press (python-telegram-bot 13, as its inlinekeyboard.py example).

Run with TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT (the server's root: https://api.telegram.org, or the mock's).
"""
import logging
import os

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackContext, CallbackQueryHandler, CommandHandler, Updater

logging.basicConfig(format="%(asctime)s - %(name)s - %(levelname)s - %(message)s", level=logging.INFO)

TOPPINGS = ["Cheese", "Mushrooms", "Olives"]


def menu(picked) -> InlineKeyboardMarkup:
    rows = [[InlineKeyboardButton(("✅ " if t in picked else "") + t, callback_data=t)] for t in TOPPINGS]
    rows.append([InlineKeyboardButton("Order", callback_data="order")])
    return InlineKeyboardMarkup(rows)


def show_menu(update: Update, context: CallbackContext) -> None:
    update.message.reply_text("Choose your toppings:", reply_markup=menu([]))


def toggle(update: Update, context: CallbackContext) -> None:
    query = update.callback_query
    picked = context.chat_data.setdefault(query.message.message_id, [])
    if query.data in picked:
        picked.remove(query.data)
    else:
        picked.append(query.data)
    query.edit_message_reply_markup(reply_markup=menu(picked))
    query.answer(f"{query.data} {'added' if query.data in picked else 'removed'}")


def order(update: Update, context: CallbackContext) -> None:
    query = update.callback_query
    picked = context.chat_data.get(query.message.message_id, [])
    query.edit_message_text(f"Ordered a pizza with {' and '.join(picked) or 'nothing on it'}.")
    query.answer("Thank you!")


def main() -> None:
    updater = Updater(os.environ["TELEGRAM_BOT_TOKEN"], base_url=os.environ["TELEGRAM_API_ROOT"] + "/bot")
    dispatcher = updater.dispatcher
    dispatcher.add_handler(CommandHandler("menu", show_menu))
    dispatcher.add_handler(CallbackQueryHandler(order, pattern="^order$"))
    dispatcher.add_handler(CallbackQueryHandler(toggle))
    updater.start_polling()
    updater.idle()


if __name__ == "__main__":
    main()
