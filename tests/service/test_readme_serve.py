"""The README's "Serve it" section stays true: its command, its curl bodies and its <fact-card> example."""

import json
import re
import shlex
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def section() -> str:
    return README.read_text().split("## Serve it", 1)[1].split("\n## ", 1)[0]


def test_the_command_is_factcards_serve():
    command = re.findall(r"```sh\n(.+?)\n```", section())[0]
    assert command.endswith("&& factcards serve") and "server" in command


def test_the_curl_json_bodies_are_answered(api):
    block = re.findall(r"```sh\n(.+?)\n```", section(), re.S)[1].replace("\\\n", " ")
    calls = [shlex.split(line) for line in block.splitlines()]
    bodies = [(next(a for a in call if a.startswith("http")).replace("http://127.0.0.1:8000", ""), json.loads(call[call.index("-d") + 1])) for call in calls if "-d" in call]
    path, body = bodies[0]
    response = api.post(path, json=body)
    assert response.status_code == 200 and response.json()["summary"]["method"] == "lead"
    path, body = bodies[1]
    body["article"]["text"] = "Port Elnor, April 9, 2024 - The council approved a $45 million plan on Tuesday."
    verdicts = api.post(path, json=body).json()["items"]
    assert [(v["text"], v["supported"]) for v in verdicts] == [("$54 million", False)]


def test_the_component_example_names_the_served_script(api):
    example = re.findall(r"```html\n(.+?)\n```", section(), re.S)[0]
    assert len(example.splitlines()) == 5
    script = re.search(r'<script src="http://127.0.0.1:8000(/static/fact-card.js)">', example).group(1)
    assert api.get(script).headers["content-type"].startswith(("text/javascript", "application/javascript"))
