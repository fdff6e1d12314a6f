"""The fresh-machine set-up (scripts/setup.sh, .ci/run, the Makefile), run against stub system commands
in a copy of the scripts: nothing is installed, the stubs record what would have been."""

import os
import shutil
import stat
import subprocess

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def stub(folder, name, body):
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("#!/bin/bash\n" + body + "\n")
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)


def stub_bin(tmp_path, log):
    """A PATH folder with apt-get, sudo and dpkg-query stubs (nothing installed) plus the basic tools."""
    folder = tmp_path / "bin"
    folder.mkdir()
    stub(folder, "apt-get", f'echo "apt-get $*" >> {log}')
    stub(folder, "sudo", '"$@"')
    stub(folder, "dpkg-query", "exit 1")
    for tool in ("bash", "cat", "cmp", "cp", "dirname", "grep", "id", "env"):
        found = shutil.which(tool)
        if found:
            os.symlink(found, folder / tool)
    return str(folder)


def test_setup_installs_xauth_for_xvfb_run(tmp_path):
    log = tmp_path / "calls.log"
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    shutil.copy(os.path.join(REPO, "scripts", "setup.sh"), repo / "scripts" / "setup.sh")
    (repo / "requirements-dev.txt").write_text("pytest\n", encoding="utf-8")
    # An existing, up-to-date virtual environment: the set-up must not touch pip here.
    (repo / ".venv" / "bin").mkdir(parents=True)
    stub(repo / ".venv" / "bin", "python", f'echo "pip $*" >> {log}')
    shutil.copy(repo / "requirements-dev.txt", repo / ".venv" / ".requirements-dev.txt")
    path = stub_bin(tmp_path, log)
    done = subprocess.run(
        ["bash", str(repo / "scripts" / "setup.sh")], env={"PATH": path}, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    installs = [line.split() for line in log.read_text(encoding="utf-8").splitlines() if " install " in line]
    assert len(installs) == 1
    assert {"xvfb", "xauth", "--no-install-recommends"} <= set(installs[0])


def test_ci_installs_make_when_missing_then_runs_make_test(tmp_path):
    log = tmp_path / "calls.log"
    repo = tmp_path / "repo"
    (repo / ".ci").mkdir(parents=True)
    shutil.copy(os.path.join(REPO, ".ci", "run"), repo / ".ci" / "run")
    path = stub_bin(tmp_path, log)
    # apt-get "installs" make: a stub that records how it is called.
    stub(
        path,
        "apt-get",
        f'echo "apt-get $*" >> {log}; '
        f'if [[ " $* " == *" install "* ]]; then printf \'#!/bin/bash\\necho "make $*" >> {log}\\n\' '
        f"> {path}/make; chmod +x {path}/make; fi",
    )
    stub(path, "chmod", f'exec {shutil.which("chmod")} "$@"')
    done = subprocess.run(
        ["bash", str(repo / ".ci" / "run")], env={"PATH": path}, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    calls = log.read_text(encoding="utf-8").splitlines()
    assert any(c.startswith("apt-get") and " install " in c and c.endswith(" make") for c in calls), calls
    assert calls[-1] == "make test"


def test_translations_need_the_setup():
    """`make translations` (and so `make package`) runs the set-up first: lrelease comes from it."""
    for target in ("translations", "package", "demo"):
        plan = subprocess.run(["make", "-n", target], cwd=REPO, capture_output=True, text=True, timeout=60).stdout
        lines = plan.splitlines()
        setup = next(i for i, line in enumerate(lines) if "scripts/setup.sh" in line)
        compile_line = next(i for i, line in enumerate(lines) if "i18n.py compile" in line)
        assert setup < compile_line, (target, plan)


def test_system_only_installs_no_virtual_environment(tmp_path):
    """`make package` in a bare copy of the plugin (tests/desktop builds one) needs the Debian packages only."""
    log = tmp_path / "calls.log"
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    shutil.copy(os.path.join(REPO, "scripts", "setup.sh"), repo / "scripts" / "setup.sh")
    path = stub_bin(tmp_path, log)
    done = subprocess.run(
        ["bash", str(repo / "scripts" / "setup.sh"), "--system-only"],
        env={"PATH": path},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert not (repo / ".venv").exists()
    assert any(" install " in line for line in log.read_text(encoding="utf-8").splitlines())
