"""Page cleaning: the ``scraped_page`` plugin marks chrome, captions, titles and datelines (docs/hooks.md, ``prepare_document``)."""
