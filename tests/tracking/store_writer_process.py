"""A writer process for the kill and concurrency tests (run as a script, not collected).

    python store_writer_process.py STORE_PATH NAME ITERATIONS [SHARED_ID]
    python store_writer_process.py STORE_PATH big 0      (one long import transaction)

Each iteration commits one transaction that delegates a task to a new unit and signs for it with
feedback, then prints ``C <id>``; every 5th iteration also moves an earlier delegation to 办理中 in
its own transaction and prints ``U <id>``. With SHARED_ID it also adds one feedback to that
delegation per iteration (a read-modify-write of its version) and prints ``S <version>``.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime

from drafting.plan import CountyPlan, PlanDeadline, PlanTask
from tracking.delegations import delegate, import_plan, update_status
from tracking.store import open_store


def big_import(path: str) -> None:
    """One long transaction: a plan of 100 tasks delegated to 30 units each (6,000 rows)."""
    tasks = [PlanTask(id=f"T{i}", number=str(i), category=f"任务{i}", measures="逐项落实" * 10,
                      lead=[f"牵头单位{j}" for j in range(20)], support=[f"配合单位{j}" for j in range(10)],
                      deadlines=[PlanDeadline(kind="due", date="2024-06-15"), PlanDeadline(kind="due", date="2024-09-15")])
             for i in range(1, 101)]
    from drafting.profile import Department, load_sample_profile

    profile = load_sample_profile()  # the 30 units are the county's own: every one is delegated
    profile.departments += [Department(name=f"{kind}单位{j}", aliases=[], keywords=[])
                            for kind, n in (("牵头", 20), ("配合", 10)) for j in range(n)]
    store = open_store(path, actor="导入")
    print("START", flush=True)
    import_plan(store, CountyPlan(title="大方案", cover_title="", issuer="县卫健局", issue_date="2024-03-01", tasks=tasks),
                profile=profile)
    print("DONE", flush=True)


def main() -> None:
    if sys.argv[2] == "big":
        big_import(sys.argv[1])
        return
    path, name, iterations = sys.argv[1], sys.argv[2], int(sys.argv[3])
    shared = int(sys.argv[4]) if len(sys.argv) > 4 else None
    store = open_store(path, actor=name)
    with store.transaction() as conn:  # one plan shared by every writer
        row = conn.execute("SELECT id FROM tasks ORDER BY id LIMIT 1").fetchone()
        if row is None:
            plan = CountyPlan(title="压力测试方案", cover_title="", issuer="测试县卫生健康局", issue_date="2021-06-16",
                              tasks=[PlanTask(id="T1", number="1", category="测试", measures="反复写入",
                                              deadlines=[PlanDeadline(kind="due", date="2021-06-30")])])
            import_plan(store, plan, delegate_units=False, now=datetime(2021, 6, 16, 9))
            row = conn.execute("SELECT id FROM tasks ORDER BY id LIMIT 1").fetchone()
    task_id = row["id"]
    go = os.environ.get("WRITER_GO_FILE")  # start together with the other writer
    if go:
        print("READY", flush=True)
        while not os.path.exists(go):
            time.sleep(0.005)
    mine: list[int] = []
    for i in range(iterations):
        with store.transaction():
            (new_id,) = delegate(store, task_id, f"{name}单位{i}", allow_outside=True)
            update_status(store, new_id, "签收", feedback=f"{name}第{i}次反馈")
        mine.append(new_id)
        print(f"C {new_id}", flush=True)
        if i % 5 == 4:
            target = mine[i // 2]
            update_status(store, target, "办理中")
            print(f"U {target}", flush=True)
        if shared is not None:
            change = update_status(store, shared, feedback=f"{name}-{i}")
            print(f"S {change.version}", flush=True)
            time.sleep(0.003)  # a moment between edits, as two users clicking: the other gets the lock
    store.close()


if __name__ == "__main__":
    main()
