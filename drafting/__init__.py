"""Drafting the county's answer: the plan builder, the 任务分工表, the GB/T 9704-2012 .docx and .xlsx writers.

Never imports Qt.
"""
