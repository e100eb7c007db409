"""CLI subcommands: one module each, with ``add_parser(subparsers)`` and ``run(args) -> int``.

Building the command list imports every module here, so a module's top level imports only what its
parser needs; ``run`` imports the readers, the drafting and the writers it uses
(tests/desktop/test_cli_lazy_imports.py checks that ``--help`` and ``track list`` load none of them).
"""
