"""督办: the SQLite store of plans, delegations, status and feedback, and the reports drawn from it.

Never imports Qt.
"""
