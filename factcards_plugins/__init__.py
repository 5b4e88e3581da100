"""The built-in factcards plugins. Each uses only the public API that ``factcards`` exports."""
