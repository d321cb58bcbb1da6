"""Runs code in a real ipykernel the way the extension does, and prints what the browser would get.

stdin: JSON {"setup": "<code run normally>", "code": "<companion code run silently>"}
stdout: JSON {"comms": [{"target", "data", "buffer_sizes", "buffers_b64"}], "reply_status", "new_names"}
"""

import base64
import json
import sys

from jupyter_client.manager import start_new_kernel


def main():
    request = json.load(sys.stdin)
    manager, client = start_new_kernel(kernel_name="python3", startup_timeout=60)
    try:
        client.execute_interactive(request["setup"], timeout=120, store_history=True)
        before = names(client)
        comms = []

        def on_iopub(msg):
            if msg["msg_type"] == "comm_open":
                buffers = [bytes(b) for b in msg.get("buffers", [])]
                comms.append(
                    {
                        "target": msg["content"]["target_name"],
                        "data": msg["content"]["data"],
                        "buffer_sizes": [len(b) for b in buffers],
                        "buffers_b64": [base64.b64encode(bytes(b)).decode("ascii") for b in buffers],
                    }
                )

        reply = client.execute_interactive(
            request["code"], silent=True, store_history=False, timeout=120, output_hook=on_iopub
        )
        after = names(client)
        print(
            json.dumps(
                {
                    "comms": comms,
                    "reply_status": reply["content"]["status"],
                    "new_names": sorted(set(after) - set(before)),
                }
            )
        )
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def names(client):
    found = []

    def hook(msg):
        if msg["msg_type"] == "stream":
            found.extend(json.loads(msg["content"]["text"]))

    client.execute_interactive(
        "import json as _j; print(_j.dumps([n for n in globals() if not n.startswith('_')])); del _j",
        silent=False,
        store_history=False,
        timeout=60,
        output_hook=hook,
    )
    return found


if __name__ == "__main__":
    main()
