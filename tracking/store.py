"""The 督办 store: one SQLite file in the user's data folder, safe for several processes.

WAL journal, ``synchronous=FULL``, a busy timeout, and every change inside
:meth:`Store.transaction` (``BEGIN IMMEDIATE``), so a crash or ``kill -9`` never loses a committed
change nor leaves the file corrupt, and two windows (or the app and the CLI) can share it.
The schema is versioned with ``PRAGMA user_version``; before a migration the file is copied
beside itself (``*.v<old>-<time>.bak``).

A :class:`Store` belongs to the thread that opened it; open one per worker thread.
"""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from parsing.errors import PolicyDeskError
from parsing.locations import user_data_dir
from parsing.os_errors import describe_os_error, sqlite_reason
from tracking.schema import MIGRATIONS

STORE_FILE = "policydesk.sqlite3"
BUSY_TIMEOUT_MS = 15000


class StoreError(PolicyDeskError):
    """The store cannot be opened or a change was refused (message in Chinese)."""


def default_store_path() -> Path:
    """``user_data_dir()/policydesk.sqlite3`` (``POLICYDESK_HOME`` overrides the folder)."""
    return user_data_dir() / STORE_FILE


def stamp(now: datetime | None = None) -> str:
    """A local timestamp as stored: ``YYYY-MM-DDTHH:MM:SS``."""
    return (now or datetime.now()).replace(microsecond=0).isoformat()


def current_actor() -> str:
    """Who is making changes: ``$POLICYDESK_USER``, else the login name."""
    name = os.environ.get("POLICYDESK_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name (service account, odd container)
        return "未知用户"


class Store:
    """An open store. Use :meth:`transaction` for every change; reads may run outside one."""

    def __init__(self, path: str | Path | None = None, *, actor: str | None = None,
                 migrations: tuple[str, ...] = MIGRATIONS):
        self.path = Path(path) if path else default_store_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"无法建立督办数据库所在的文件夹 {self.path.parent}：{describe_os_error(exc, '')}") from exc
        if self.path.exists() and not self.path.is_file():
            raise StoreError(f"督办数据库 {self.path} 不是普通文件")
        self.actor = actor or current_actor()
        self._depth = 0
        self.backup_path: Path | None = None  # the copy made before the last migration
        try:
            self.conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"无法打开督办数据库 {self.path}：{sqlite_reason(exc, self.path.parent) or exc}") from exc
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(f"督办数据库 {self.path.name} 无法启用 WAL 模式（当前为 {mode}）")
            self.conn.execute("PRAGMA synchronous = FULL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._migrate(migrations)
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise _open_error(self.path, exc) from exc
        except OSError as exc:  # the backup before a migration could not be written
            self.conn.close()
            raise StoreError(f"督办数据库 {self.path.name} 升级前无法备份：{describe_os_error(exc, '')}") from exc
        except BaseException:
            self.conn.close()
            raise

    # -- lifecycle -------------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ----------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT`` (rolled back on any exception). Nested calls join
        the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._write_error(exc) from exc
        self._depth = 1
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            self._depth = 0
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError) and sqlite_reason(exc):
                raise self._write_error(exc) from exc
            raise
        self._depth = 0

    def _write_error(self, exc: sqlite3.Error) -> StoreError:
        reason = sqlite_reason(exc, self.path.parent) or str(exc)
        return StoreError(f"督办数据库 {self.path.name} 无法保存更改：{reason}；已有数据未受影响")

    def log(self, action: str, entity: str, entity_id: int | None, detail: dict | None = None,
            *, at: datetime | None = None) -> int:
        """Append one event (inside a transaction): who (``self.actor``) did what, when."""
        if not self._depth:
            raise RuntimeError("Store.log must be called inside Store.transaction()")
        cur = self.conn.execute(
            "INSERT INTO events (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
            (stamp(at), self.actor, action, entity, entity_id,
             json.dumps(detail or {}, ensure_ascii=False)),
        )
        return int(cur.lastrowid)

    def events(self, entity: str | None = None, entity_id: int | None = None) -> list[sqlite3.Row]:
        """The event log, oldest first, optionally for one entity."""
        sql, args = "SELECT * FROM events", []
        if entity is not None:
            sql += " WHERE entity = ?"
            args.append(entity)
            if entity_id is not None:
                sql += " AND entity_id = ?"
                args.append(entity_id)
        return self.conn.execute(sql + " ORDER BY id", args).fetchall()

    @property
    def files_dir(self) -> Path:
        """Where attached files are copied: beside the database, under ``附件/``."""
        return self.path.parent / "附件"

    def integrity_ok(self) -> bool:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    # -- schema ----------------------------------------------------------------------------------
    @property
    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self, migrations: tuple[str, ...]) -> None:
        target = len(migrations)
        if self.version == target:
            return
        if 0 < self.version < target:
            # Copy first: a backup cannot read through a connection holding the write lock.
            # Another process may migrate meanwhile; the check inside the transaction settles it.
            self.backup_path = self._backup(self.version)
        with self.transaction() as conn:  # the write lock: two processes never migrate at once
            current = self.version
            if current == target:
                return
            if current > target:
                raise StoreError(
                    f"督办数据库 {self.path.name} 由较新版本的 PolicyDesk 创建（结构版本 {current}），"
                    f"本程序只支持到版本 {target}，请升级程序")
            if current == 0:
                other = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if other:
                    raise StoreError(f"{self.path.name} 不是 PolicyDesk 的督办数据库")
            for number in range(current, target):
                for statement in _statements(migrations[number]):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {target}")

    def _backup(self, version: int) -> Path:
        when = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.v{version}-{when}.bak")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.name}.v{version}-{when}-{n}.bak")
        copy = sqlite3.connect(target)
        try:
            self.conn.backup(copy)
        finally:
            copy.close()
        return target


def _open_error(path: Path, exc: sqlite3.DatabaseError) -> StoreError:
    """Why the store at ``path`` cannot be opened: a disk problem (full, read-only, missing
    folder) is said as such; only SQLite's own verdict calls the file damaged."""
    reason = sqlite_reason(exc, path.parent)
    if reason:
        return StoreError(f"督办数据库 {path.name} 无法打开：{reason}（数据库文件本身未损坏）")
    text = str(exc).lower()
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreError(f"督办数据库 {path.name} 已损坏或不是数据库文件：{exc}")
    return StoreError(f"督办数据库 {path.name} 无法打开：{exc}")


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (``sqlite3.complete_statement`` aware of
    trigger bodies), so they run inside our transaction rather than ``executescript``'s own."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


def open_store(path: str | Path | None = None, *, actor: str | None = None) -> Store:
    """Open (creating or migrating as needed) the store at ``path`` or the default location."""
    return Store(path, actor=actor)


