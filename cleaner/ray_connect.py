"""How a Ray run starts a local Ray instance or reaches a cluster: a bounded wait, a clear error."""

from __future__ import annotations

import math
import os
import signal
import sys
from pathlib import Path
from typing import Any, Callable, NamedTuple

from cleaner import cores

# How long a run tries to reach a Ray cluster at --address (or $RAY_ADDRESS) before it gives up,
# in seconds; CLEANER_RAY_TIMEOUT sets it. Left to itself, Ray tried 20 times, 41 s each (822 s
# of warnings for a wrong address, Ctrl-C and SIGTERM held all along).
CONNECT_TIMEOUT = 30.0
CONNECT_TIMEOUT_ENV = "CLEANER_RAY_TIMEOUT"
# The port of a head's GCS when `ray start --head` is given none; of its Ray Client server
# (ray:// addresses) when `--ray-client-server-port` gives none.
GCS_PORT = 6379
CLIENT_PORT = 10001
# Ray's GCS client ends the process ("The program will terminate", exit 1, no word of the run's)
# once a cluster has not answered for this long (gcs_rpc_server_reconnect_timeout_s, Ray 2.60's
# default), even while ray.init still waits: a run sets it to its wait and GIVE_UP_MARGIN more
# (Ray's two connection tries of up to 5 s each come before its wait, and a loaded machine).
RAY_GIVE_UP = 60
GIVE_UP_MARGIN = 30
# What the run says where Ray is missing: the extra that installs it (pyproject.toml), from
# the project's checkout (PyPI's "cleaner" is another project), or Ray Data alone.
INSTALL_HINT = ("pip install -e '.[ray]' in this project's checkout (or pip install "
                "'ray[data]>=2.40')")
# Whether this process stopped a Ray start half-way (ConnectStopped once Ray was imported): the
# threads of the start it did not finish crashed the interpreter's exit now and then (SIGSEGV
# after the run's own message, exit -11 not 130: once in a full test suite on a busy machine),
# so the command leaves without it (exit_if_stopped).
_stopped_half_way = False


class RayNotInstalled(ImportError):
    """--executor ray where Ray (Ray Data) cannot be imported."""


class RayUnreachable(ConnectionError):
    """No Ray cluster answers at the address given, in the time allowed (CLEANER_RAY_TIMEOUT)."""


class RayTokenRefused(ConnectionError):
    """The cluster at the address given takes no driver without its token (token authentication)."""


class ConnectStopped(BaseException):
    """Ctrl-C or SIGTERM while the run started or reached Ray: the run stops there, its output
    not begun; `signum` is the signal (run.execute exits 128 + it). A BaseException, as
    KeyboardInterrupt is: Ray's start-up catches Exception, logged the stop and went on."""

    def __init__(self, signum: int, where: str):
        self.signum = signum
        # ("no record": a shard folder keeps the manifest of a run that recorded nothing, which
        # the same command runs again over)
        super().__init__(f"{signal.Signals(signum).name} while {where}: stopped; no record "
                         "was written")


class Connection(NamedTuple):
    """A run's Ray: the ray module, whether the run started (or joined) it and so shuts it down
    (`own`), and the CPUs of the cluster."""
    ray: Any
    own: bool
    cpus: int


def connect_timeout() -> float:
    """Seconds to reach a cluster: $CLEANER_RAY_TIMEOUT, else CONNECT_TIMEOUT."""
    value = os.environ.get(CONNECT_TIMEOUT_ENV, "").strip()
    if not value:
        return CONNECT_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < float("inf"):
        raise ValueError(f"{CONNECT_TIMEOUT_ENV}={value!r}: give the seconds to wait for a Ray "
                         "cluster, a number above 0")
    return seconds


def _host_port(address: str) -> tuple[str, int] | None:
    """The host and port of a cluster address ("10.0.0.5:6379", "ray://head:10001",
    "[::1]:6379"); None for one without a port ("10.0.0.5")."""
    rest = address.split("://", 1)[1] if "://" in address else address
    host, _, port = rest.rpartition(":")
    host = host.strip("[]")
    if not host or not port.isdigit():
        return None
    return host, int(port)


def _unreachable(address: str, why: str, timeout: float | None = None) -> RayUnreachable:
    """The error for a cluster that does not answer at `address`: what to check (a ray://
    address names the head's Ray Client port, any other its GCS port). `timeout`: the seconds
    waited for it, where it was a wait that ended (None: refused at once)."""
    if address.startswith("ray://"):
        port = (f"Ray Client port, {CLIENT_PORT} unless `ray start --head "
                "--ray-client-server-port` gave another")
    else:
        port = (f"GCS port, {GCS_PORT} unless `ray start --head --port` gave another; "
                f"`ray status --address {address}` on a node of the cluster tells")
    return RayUnreachable(
        f"no Ray cluster answers at {address} ({why}"
        + (f"; waited up to {timeout:g} s, {CONNECT_TIMEOUT_ENV} sets it" if timeout else "")
        + f"): check the address (the head node's host and its "
        f"{port}), that the cluster is up and that this machine can reach it; a cluster started "
        "with token authentication (`ray start` does where ~/.ray/auth_token exists) also needs "
        "RAY_AUTH_MODE=token and the cluster's token here (docs/scale.md, Ray)")


def _token_refused(exc: BaseException) -> bool:
    """Whether Ray's error for a failed connection says the cluster refused the driver's token
    (Ray's ConnectionError names only the address; the cause, in the error it comes from)."""
    seen: BaseException | None = exc
    while seen is not None:
        if type(seen).__name__ == "AuthenticationError" or "InvalidAuthToken" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _refused_token(address: str) -> RayTokenRefused:
    """The error for a cluster that refused the driver's token: how to give it."""
    return RayTokenRefused(
        f"the Ray cluster at {address} refused this machine's token: it was started with token "
        "authentication (`ray start` does where ~/.ray/auth_token exists); run with "
        "RAY_AUTH_MODE=token and the cluster's token (its head node's ~/.ray/auth_token) in "
        "~/.ray/auth_token here, or in RAY_AUTH_TOKEN (docs/scale.md, Ray)")


def _check_reachable(address: str, timeout: float) -> None:
    """Refuse an address nothing listens at, in `timeout` seconds at most: a refused port, an
    unknown host, an unreachable network, no port at all. (Python's wait: a signal stops it at
    once, where Ray's own wait holds signals.)"""
    import socket       # (here: the command, which imports this module, needs it nowhere else)

    target = _host_port(address)
    if target is None:
        raise _unreachable(address, "the address names no port")
    try:
        with socket.create_connection(target, timeout=timeout):
            pass
    except socket.gaierror as exc:
        raise _unreachable(address, f"unknown host {target[0]}: {exc.strerror}") from None
    except TimeoutError:
        raise _unreachable(address, "no answer", timeout) from None
    except OSError as exc:
        # (refused, or no route: said at once, not after the wait)
        raise _unreachable(address, (exc.strerror or str(exc)).lower()) from None


def _ray_connect_settings(timeout: float) -> dict[str, str]:
    """Ray's settings that bound its wait for a cluster to about `timeout` seconds and one try
    (set in the environment before Ray is first imported: its core reads them once; the
    number of tries is read as each connection is made). Ray's own limit, after which it ends
    the process, is raised above the wait (kept where the user's is above it already)."""
    seconds = max(1, round(timeout))
    give_up = max(RAY_GIVE_UP, math.ceil(timeout) + GIVE_UP_MARGIN)
    return {"RAY_gcs_server_port_wait_time_s": "1",          # one try, not 20
            "RAY_py_gcs_connect_timeout_s": str(seconds),     # its wait for the cluster's id
            "RAY_gcs_rpc_server_connect_timeout_s": str(min(5, seconds)),
            "RAY_gcs_rpc_server_reconnect_timeout_s": str(give_up)}


def _settings_to_set(settings: dict[str, str]) -> dict[str, str]:
    """Of `settings`, those the environment does not have already; Ray's limit after which it
    ends the process also where the user's is below the wait (a run would end in Ray's exit 1,
    its temporary output left, before its own wait ends)."""
    chosen = {name: value for name, value in settings.items() if name not in os.environ}
    limit = "RAY_gcs_rpc_server_reconnect_timeout_s"
    try:
        below = limit in settings and float(os.environ.get(limit, "inf")) < int(settings[limit])
    except ValueError:          # not a number: Ray says so itself
        below = False
    if below:
        chosen[limit] = settings[limit]
    return chosen


class _Connecting:
    """While a run starts or reaches Ray: Ctrl-C and SIGTERM raise ConnectStopped (left as they
    were, the first ended the run with its temporary output file left behind, and Ray's wait
    held both for minutes); and Ray's settings (`env`) set in the environment, then the
    environment set back."""

    def __init__(self, where: str, env: dict[str, str]):
        self.where, self.env = where, env
        self.signum: int | None = None
        self._old_handlers: dict[int, Any] = {}
        self._old_env: dict[str, str | None] = {}

    def __enter__(self) -> "_Connecting":
        for name, value in _settings_to_set(self.env).items():
            self._old_env[name] = os.environ.get(name)
            os.environ[name] = value
        try:
            for signum in (signal.SIGINT, signal.SIGTERM):
                self._old_handlers[signum] = signal.signal(signum, self._handle)
        except ValueError:          # not the main thread: signals act as they would
            pass
        return self

    def _handle(self, signum: int, frame: Any) -> None:
        self.signum = signum
        raise ConnectStopped(signum, self.where)

    def __exit__(self, *exc: Any) -> None:
        for signum, old in self._old_handlers.items():
            signal.signal(signum, old)
        for name, value in self._old_env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value

    def stopped(self) -> ConnectStopped | None:
        """The error to raise for the signal that came (Ray may have caught the one raised)."""
        return None if self.signum is None else ConnectStopped(self.signum, self.where)


def _import_ray() -> Any:
    """The ray module, or RayNotInstalled saying how to install it."""
    try:
        import ray
        import ray.data     # noqa: F401  (Ray without its Data library cannot run the job)
    except ImportError as exc:
        raise RayNotInstalled(f"--executor ray needs Ray Data, which this Python "
                              f"({sys.executable}) cannot import ({exc}): {INSTALL_HINT}, "
                              "or run without --executor ray") from None
    return ray


def connect(address: str | None, workers: int | None,
            imported: Callable[[], None] | None = None) -> Connection:
    """The run's Ray: the one this process has running already, else a local instance of
    `workers` CPUs (no address, "local"), else the cluster at `address` (or $RAY_ADDRESS),
    reached in CLEANER_RAY_TIMEOUT seconds or RayUnreachable; ConnectStopped for Ctrl-C or
    SIGTERM meanwhile, Ray shut down again. `imported`: called once Ray is imported, before it
    starts (importing Ray sets its loggers' levels: quieted before, they spoke again)."""
    address = address or os.environ.get("RAY_ADDRESS") or None
    remote = address is not None and address != "local"
    timeout = connect_timeout() if remote else 0.0
    where = f"connecting to the Ray cluster at {address}" if remote \
        else "starting a local Ray instance"
    with _Connecting(where, _ray_connect_settings(timeout) if remote else {}) as connecting:
        own = False
        try:
            ray = _import_ray()
            if imported is not None:
                imported()
            own = not ray.is_initialized()
            if own:
                if remote and address != "auto":
                    _check_reachable(str(address), timeout)
                _start(ray, address, workers)
            cpus = int(ray.cluster_resources().get("CPU", 1))
        except BaseException as exc:
            stopped = connecting.stopped()
            if stopped is not None:
                _note_stopped()
                raise stopped from None
            error = _connect_error(exc, str(address), timeout) if remote else exc
            if error is exc:
                raise
            raise error from None
        stopped = connecting.stopped()      # (one Ray caught as it finished connecting)
        if stopped is not None:
            if own:
                ray.shutdown()
            _note_stopped()
            raise stopped
    return Connection(ray, own, cpus)


def _note_stopped() -> None:
    global _stopped_half_way
    _stopped_half_way = True


def exit_if_stopped(status: int) -> None:
    """End the process at once with `status`, its output flushed, if it stopped a Ray start
    half-way (the interpreter's own exit could crash in what Ray left running). For the command
    only: a program that called connect goes on."""
    if _stopped_half_way:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(status)


def _connect_error(exc: BaseException, address: str, timeout: float) -> BaseException:
    """What a failed connection to the cluster at `address` is told as: Ray's ConnectionError
    as RayUnreachable or RayTokenRefused, saying what to check; any other error as it is."""
    if isinstance(exc, ConnectionError) and not isinstance(exc, RayUnreachable):
        if _token_refused(exc):
            return _refused_token(address)
        return _unreachable(address, f"Ray: {exc}", timeout)
    if type(exc).__name__ == "AuthenticationError":
        return _refused_token(address)
    return exc


def _start(ray: Any, address: str | None, workers: int | None) -> None:
    """ray.init: a local instance of the run's CPUs, or the cluster at `address`; Ray shut down
    again if it fails or is stopped half-way."""
    kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                              "configure_logging": False}
    if address in (None, "local"):
        # "local": a new instance even where `ray start` runs one on the machine (ray.init()
        # joins that one, and refuses num_cpus then). It holds the CPUs the run asks for:
        # left to itself, Ray counts the host's, not the container's quota (cleaner.cores).
        kwargs["address"] = "local"
        kwargs["num_cpus"] = workers or cores.usable_cores()
    else:
        kwargs["address"] = address
    # The cleaner package must be importable on every node: ship it with the job when the
    # cluster is remote and it is not installed there.
    if address not in (None, "local", "auto"):
        import cleaner

        kwargs["runtime_env"] = {"py_modules": [str(Path(cleaner.__file__).parent)]}
    try:
        ray.init(**kwargs)
    except BaseException:
        ray.shutdown()
        raise
