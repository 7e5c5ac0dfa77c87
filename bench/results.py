"""The benchmarks' results file: `report(line)` prints a result line and keeps it; when the script ends normally, its
entry in bench/results.json is rewritten with the lines of this run.

bench/results.json is the one record of the benchmarks' figures: the docs' speed page and the README's speed section
are generated from it (`python .ci/speed.py`). An entry, keyed by the script's file name:

    "tiles.py": {"what": the first line of the script's docstring, "lines": [what it reported], "args": its arguments,
                 "machine": CPU model, cores, native bfloat16, GPU, "date": the day it ran}

A run that ends with an uncaught exception or a failing exit status leaves the file as it was; so does a run that
reported nothing (a child process of a benchmark, or a `--help`). Import it as `from results import report` from a
script in bench/ (run as `python bench/NAME.py`), or as `bench.results` from the repository's root.
"""
import atexit, datetime, json, os, platform, re, sys, tempfile
from pathlib import Path

RESULTS = Path(__file__).resolve().parent/'results.json'
_lines, _state = [], {}

def report(line):
    "Print `line` and keep it for this script's entry in bench/results.json, written when the script ends normally"
    line = str(line)
    print(line, flush=True)
    if not _state:  # the first result: write at exit, from this process only (not from a fork)
        _state.update(pid=os.getpid(), failed=False, exit=sys.exit)
        sys.exit = _exit
        atexit.register(_write)
    _lines.append(line)

def _exit(code=None):
    "sys.exit, noting a failing status, so that a failed run writes no entry"
    if code not in (None, 0): _state['failed'] = True
    _state['exit'](code)

def _cpu():
    "The CPU's model, shortened, and the bfloat16 instructions it has, from /proc/cpuinfo (else `platform`)"
    model, flags = None, set()
    try:
        with open('/proc/cpuinfo') as f:
            for l in f:
                k, _, v = l.partition(':')
                if k.strip() == 'model name' and model is None: model = v.strip()
                elif k.strip() == 'flags' and not flags: flags = set(v.split())
    except OSError: pass
    model = model or platform.processor() or platform.machine() or 'unknown CPU'
    model = re.sub(r'\((R|TM)\)|\bCPU\b|\bProcessor\b|\b\d+-Core\b|@.*', ' ', model)
    return ' '.join(model.split()), [n for f, n in (('avx512_bf16', 'AVX512-BF16'), ('amx_bf16', 'AMX-BF16')) if f in flags]

def _gpu():
    "The CUDA device torch reports, where the script imported torch; else the NVIDIA driver's first GPU, if any"
    torch = sys.modules.get('torch')
    if torch is not None:
        try:
            if torch.cuda.is_available():
                n = torch.cuda.device_count()
                return f"GPU {torch.cuda.get_device_name(0)}" + (f" (1 of {n})" if n > 1 else '')
        except Exception: pass
        return 'no GPU'
    for info in sorted(Path('/proc/driver/nvidia/gpus').glob('*/information')):
        try: model = next(l.split(':', 1)[1].strip() for l in info.read_text().splitlines() if l.startswith('Model:'))
        except (OSError, StopIteration): continue
        return f"GPU {model}"
    return 'no GPU'

def machine():
    "A short description of this machine, e.g. 'AMD EPYC 9R14, 2 cores, AVX512-BF16, no GPU'"
    model, bf16 = _cpu()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else os.cpu_count()
    return ', '.join([model, f"{cores} cores", *bf16, _gpu()])

def _script():
    "The running script's file name and the first line of its docstring"
    main = sys.modules.get('__main__')
    name = Path(getattr(main, '__file__', None) or sys.argv[0] or 'unknown').name
    return name, ((getattr(main, '__doc__', None) or '').strip().splitlines() or [''])[0]

def entry():
    "This run's entry: what the script measures, the lines reported, its arguments, the machine and the date"
    name, what = _script()
    return name, dict(what=what, lines=list(_lines), args=sys.argv[1:], machine=machine(), date=datetime.date.today().isoformat())

def save(name, e, path=RESULTS):
    "Merge the entry `e` of script `name` into the results file at `path`, atomically (a temporary file, then a rename)"
    path = Path(path)
    lock = None
    try:  # one writer at a time: two benchmarks ending together both keep their entries
        import fcntl
        lock = os.open(path.parent, os.O_RDONLY); fcntl.flock(lock, fcntl.LOCK_EX)
    except (ImportError, OSError): pass
    try:
        try: results = json.loads(path.read_text())
        except FileNotFoundError: results = {}
        results[name] = e
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix='.results-', suffix='.json')
        try:
            with os.fdopen(fd, 'w') as f: f.write(json.dumps(results, indent=1, sort_keys=True, ensure_ascii=False) + '\n')
            try: mode = path.stat().st_mode & 0o777
            except FileNotFoundError: umask = os.umask(0); os.umask(umask); mode = 0o666 & ~umask
            os.chmod(tmp, mode)  # mkstemp's file is private; keep the results file's own permissions
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp); raise
    finally:
        if lock is not None: os.close(lock)

def _write():
    if os.getpid() != _state['pid'] or _state['failed'] or getattr(sys, 'last_type', None) is not None or not _lines: return
    name, e = entry()
    save(name, e)
    print(f"{name}: its entry in bench/{RESULTS.name} written", file=sys.stderr)
