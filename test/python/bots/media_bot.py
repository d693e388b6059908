#!/usr/bin/env python3
"""Sends a chart, an album and a report; fetches the photos and documents people send (python-telegram-bot 13).

Run with TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT (the server's root: https://api.telegram.org, or the mock's).
"""
import io
import logging
import os
import struct
import zlib

from telegram import ChatAction, InputMediaPhoto, Update
from telegram.ext import CallbackContext, CommandHandler, Filters, MessageHandler, Updater

logging.basicConfig(format="%(asctime)s - %(name)s - %(levelname)s - %(message)s", level=logging.INFO)

REPORT = "day,sales\nmonday,3\ntuesday,5\n"


def chart_png(width: int, height: int) -> bytes:
    """A grey gradient as a PNG: the week's chart, drawn without an imaging library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes((x * 255 // width for x in range(width))) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def chart(update: Update, context: CallbackContext) -> None:
    update.message.reply_chat_action(ChatAction.UPLOAD_PHOTO)
    update.message.reply_photo(io.BytesIO(chart_png(64, 48)), filename="chart.png", caption="Sales this week")


def album(update: Update, context: CallbackContext) -> None:
    update.message.reply_media_group(
        [
            InputMediaPhoto(chart_png(64, 48), caption="Monday", filename="monday.png"),
            InputMediaPhoto(chart_png(64, 48), caption="Tuesday", filename="tuesday.png"),
        ]
    )


def report(update: Update, context: CallbackContext) -> None:
    update.message.reply_document(io.BytesIO(REPORT.encode()), filename="report.csv", caption="The weekly report")


def photo(update: Update, context: CallbackContext) -> None:
    largest = update.message.photo[-1]
    data = largest.get_file().download_as_bytearray()
    update.message.reply_text(f"Nice picture: {largest.width}×{largest.height}, {len(data)} bytes")
    update.message.reply_photo(largest.file_id, caption="Here it is again")


def document(update: Update, context: CallbackContext) -> None:
    text = update.message.document.get_file().download_as_bytearray().decode()
    update.message.reply_document(io.BytesIO(text.upper().encode()), filename="SHOUTED.txt")


def main() -> None:
    root = os.environ["TELEGRAM_API_ROOT"]
    updater = Updater(os.environ["TELEGRAM_BOT_TOKEN"], base_url=root + "/bot", base_file_url=root + "/file/bot")
    dispatcher = updater.dispatcher
    dispatcher.add_handler(CommandHandler("chart", chart))
    dispatcher.add_handler(CommandHandler("album", album))
    dispatcher.add_handler(CommandHandler("report", report))
    dispatcher.add_handler(MessageHandler(Filters.photo, photo))
    dispatcher.add_handler(MessageHandler(Filters.document, document))
    updater.start_polling()
    updater.idle()


if __name__ == "__main__":
    main()
