"""What a Jupyter front end does with a kernel, through jupyter_client: each scenario prints one JSON line of what it saw.

    /usr/bin/python3 test/jupyter/client_checks.py SCENARIO KERNEL_NAME

Scenarios: session (interrupt, input, stop_on_error, silent, user_expressions, display updates),
restart, shutdown, parent (starts a kernel, prints its pid, then waits to be killed), ipc DIR.
"""

import json
import os
import sys
import time

from jupyter_client.manager import KernelManager

TIMEOUT = 60


def start(kernel_name, **transport):
    manager = KernelManager(kernel_name=kernel_name, **transport)
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=120)
    return manager, client


def stop(manager, client):
    client.stop_channels()
    manager.shutdown_kernel(now=False)


def reply_to(client, msg_id):
    """The shell reply to msg_id (replies to other requests are skipped)."""
    while True:
        reply = client.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def iopub_of(client, msg_id):
    """The iopub messages of one request, up to its idle status: [msg_type, content] each."""
    seen = []
    while True:
        message = client.get_iopub_msg(timeout=TIMEOUT)
        if message["parent_header"].get("msg_id") != msg_id:
            continue
        seen.append([message["msg_type"], message["content"]])
        if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
            return seen


def execute(client, code, **options):
    msg_id = client.execute(code, **options)
    reply = reply_to(client, msg_id)
    return reply["content"], iopub_of(client, msg_id)


def session(kernel_name):
    manager, client = start(kernel_name)
    result = {}
    execute(client, "state = 41")
    # Interrupt a busy loop: the reply comes within a second, and the variables stay.
    msg_id = client.execute("while True: pass")
    time.sleep(1.0)
    started = time.monotonic()
    manager.interrupt_kernel()
    reply = reply_to(client, msg_id)
    result["interrupt_seconds"] = time.monotonic() - started
    result["interrupt_reply"] = {key: reply["content"].get(key) for key in ("status", "ename")}
    result["interrupt_iopub"] = [kind for kind, _ in iopub_of(client, msg_id)]
    result["after_interrupt"] = execute(client, "state + 1")[1]
    # input(): an input_request on stdin, answered, and the value back in Python.
    msg_id = client.execute("name = input('who? ')\nprint('hi', name)", allow_stdin=True)
    request = client.get_stdin_msg(timeout=TIMEOUT)
    result["input_request"] = {"content": request["content"], "parent": request["parent_header"]["msg_id"] == msg_id}
    client.input("ada")
    reply_to(client, msg_id)
    result["input_iopub"] = iopub_of(client, msg_id)
    # Without allow_stdin, input() fails at once instead of waiting.
    result["no_stdin"] = execute(client, "input('x')", allow_stdin=False)[0]
    # stop_on_error: cells queued behind a failing one are aborted; later ones run. The failing
    # cell runs for 0.3 s first, so the two behind it have surely arrived (queued) when it fails:
    # a bare 1/0 can fail before a loaded client has sent them, and cells sent after a failure run.
    failing = "import time\nstarted = time.time()\nwhile time.time() - started < 0.3: pass\n1/0"
    ids = [client.execute(failing), client.execute("queued = 1"), client.execute("queued = 2")]
    result["stop_on_error"] = [reply_to(client, msg_id)["content"]["status"] for msg_id in ids]
    result["after_abort"] = execute(client, "'queued' in globals()")[1]
    ids = [client.execute("1/0", stop_on_error=False), client.execute("kept_going = True")]
    result["no_stop_on_error"] = [reply_to(client, msg_id)["content"]["status"] for msg_id in ids]
    # silent: nothing on iopub but busy and idle, and the counter does not move.
    before = execute(client, "1")[0]["execution_count"]
    silent_reply, silent_iopub = execute(client, "print('quiet'); 5", silent=True)
    result["silent"] = {"iopub": [kind for kind, _ in silent_iopub], "count_unchanged": silent_reply["execution_count"] == before}
    # user_expressions are evaluated after the cell.
    result["user_expressions"] = execute(client, "a = 2", user_expressions={"double": "a * 2", "bad": "nope"})[0]["user_expressions"]
    # Display updates and clear_output reach the front end as their own messages.
    code = "from IPython.display import display, update_display, clear_output\nh = display('v1', display_id='d')\nh.update('v2')\nclear_output(wait=True)\nprint('end')"
    result["display_updates"] = execute(client, code)[1]
    # history: what ran, in order, with outputs on request.
    msg_id = client.history(hist_access_type="tail", n=2, output=True, raw=True)
    result["history_tail"] = reply_to(client, msg_id)["content"]["history"]
    stop(manager, client)
    return result


def restart(kernel_name):
    manager, client = start(kernel_name)
    execute(client, "kept = 'before restart'")
    before_pid = manager.provisioner.process.pid
    manager.restart_kernel(now=False)
    client.wait_for_ready(timeout=120)
    after = execute(client, "'kept' in globals()")[1]
    result = {"after_restart": after, "new_process": manager.provisioner.process.pid != before_pid, "old_alive": os.path.exists(f"/proc/{before_pid}")}
    stop(manager, client)
    return result


def shutdown(kernel_name):
    manager, client = start(kernel_name)
    pid = manager.provisioner.process.pid
    execute(client, "x = 1")
    msg_id = client.shutdown()
    reply = client.get_control_msg(timeout=TIMEOUT) if hasattr(client, "get_control_msg") else None
    started = time.monotonic()
    while manager.is_alive() and time.monotonic() - started < 10:
        time.sleep(0.05)
    result = {"reply": reply and reply["content"], "reply_parent": reply and reply["parent_header"]["msg_id"] == msg_id, "exited_seconds": time.monotonic() - started, "exit_code": manager.provisioner.process.poll(), "pid": pid}
    client.stop_channels()
    manager.cleanup_resources()
    return result


def parent(kernel_name):
    manager, client = start(kernel_name)
    print(json.dumps({"kernel_pid": manager.provisioner.process.pid}), flush=True)
    time.sleep(3600)


def ipc(kernel_name, directory):
    manager, client = start(kernel_name, transport="ipc", ip=os.path.join(directory, "kernel"))
    info = json.load(open(manager.connection_file))
    content, iopub = execute(client, "print('over ipc', 6 * 7)")
    sockets = sorted(name for name in os.listdir(directory))
    stop(manager, client)
    return {"transport": info["transport"], "status": content["status"], "iopub": iopub, "sockets": sockets, "left": sorted(os.listdir(directory))}


if __name__ == "__main__":
    scenario, kernel_name, *rest = sys.argv[1:]
    result = {"session": session, "restart": restart, "shutdown": shutdown, "parent": parent, "ipc": ipc}[scenario](kernel_name, *rest)
    print(json.dumps(result), flush=True)
    # jupyter_client's finalizers log at interpreter exit and can fail there; nothing is left to clean.
    os._exit(0)
