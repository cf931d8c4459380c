"""The use cases as plain async functions over neutral events, returning actions.

Imports neither aiogram nor telegram; reaches storage and classifiers only through the services
it is handed.
"""
