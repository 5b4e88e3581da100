"""``factcards serve``: the HTTP API, the review page and the ``<fact-card>`` web component.

Importing this package needs nothing beyond factcards itself; the app (``app.py``)
needs the ``server`` extra (FastAPI, uvicorn, python-multipart).
"""
