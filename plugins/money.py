"""``money``: built-in plugin, being written (its hooks are not implemented yet)."""
