"""Reading superior notices: loaders, cleaning, structure and extraction into the ``notice/1`` model.

This package never imports Qt: everything here runs headless and from the CLI.
"""
