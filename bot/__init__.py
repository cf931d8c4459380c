"""Application assembly: config, the CLI, the two Telegram runtimes and their Messenger executors.

The only package that imports aiogram or python-telegram-bot.
"""
