"""The documentation site, built and checked offline.

nbdev processes the notebooks into _proc/ exactly as `nbdev-docs` does before Quarto renders them (API docs run,
names linked, hidden cells dropped). Quarto cannot be installed everywhere, so this script renders _proc/ with pandoc
(the document converter Quarto itself runs on, installed from PyPI with the dev tools) into _site/, a static site
with the sidebar of _quarto.yml, and checks what a reader would see there:

- the site's title, description, address, repository and source folder are set (nbdev.yml over _quarto.yml);
- every page in the sidebar is a processed notebook, the section "Lessons" first and each section in course order,
  and every lesson shows a picture;
- every image resolves, every link inside the site resolves to a page and an anchor on it, every "View source"
  link names a notebook that exists, and backticked names are linked to their documentation;
- every notebook page opens with its Colab badge inline in a paragraph, where Quarto shows a badge, not a figure.

Usage: python .ci/docs.py                 build and check (CI; exit 1 on any error)
       python .ci/docs.py --no-process    the same from the _proc/ of the last run (after editing this script)
       python .ci/docs.py --serve [PORT]  build, check, then serve _site/ on http://localhost:PORT (default 8000)
Maths is rendered to MathML by pandoc, so the preview needs no network and no script.
"""
import html, json, os, re, shutil, subprocess, sys, yaml
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit, unquote

root = Path(__file__).resolve().parent.parent
os.chdir(root)
from nbdev.config import get_config
from nbdev.quarto import refresh_quarto_yml
from nbdev.serve import proc_nbs
from nbdev.doclinks import nbglob

cfg = get_config()
site = root/'_site'
errors = []
def err(msg): errors.append(msg)

# --- configuration: one _quarto.yml, nbdev's metadata over it, a sidebar that lists every notebook in order
top,linked = root/'_quarto.yml',cfg.nbs_path/'_quarto.yml'
if not linked.exists() or linked.resolve() != top.resolve(): err(f"{linked} must resolve to {top}")
refresh_quarto_yml()  # writes nbs/nbdev.yml from pyproject.toml; leaves our _quarto.yml alone
cache = root/'_proc' if '--no-process' in sys.argv and (root/'_proc').exists() else proc_nbs(n_workers=0, force=True)
staged = yaml.safe_load((cache/'_quarto.yml').read_text())
if staged != yaml.safe_load(top.read_text()): err("the staged _quarto.yml differs from the top-level one")
meta = {**staged['website'], **yaml.safe_load((cache/'nbdev.yml').read_text())['website']}  # Quarto merges nbdev.yml last
for k in 'title', 'description', 'site-url', 'repo-url', 'repo-branch', 'repo-subdir':
    if not str(meta.get(k) or '').strip(): err(f"site metadata {k!r} is empty (nbdev.yml is written from pyproject.toml's [project])")
site_url = str(meta.get('site-url') or '').rstrip('/') + '/'
if not site_url.startswith('https://'): err(f"site-url {site_url!r} is not an https address")

nbs = sorted(Path(p).relative_to(cfg.nbs_path).as_posix() for p in nbglob())
def listed(items):
    for it in items:
        if isinstance(it, str): yield it
        elif isinstance(it, dict): yield from listed(it.get('contents', []))
sidebar = list(listed(staged['website']['sidebar']['contents']))
if sorted(sidebar) != nbs: err(f"sidebar lists {sidebar}, notebooks are {nbs}")
sections = [s for s in staged['website']['sidebar']['contents'] if isinstance(s, dict)]
if [s.get('section') for s in sections][:1] != ['Lessons']: err(f"the sidebar's first section is not 'Lessons': {[s.get('section') for s in sections]}")
for s in sections:  # the lessons, then the internals, each part in course order
    part = list(listed(s.get('contents', [])))
    if part != sorted(part): err(f"sidebar section {s.get('section')!r} is not in course order: {part}")

# --- each processed notebook as pandoc markdown, with Quarto's cell options applied
def cell_options(src):
    opts,lines = {},src.splitlines()
    while lines and lines[0].startswith('#|'):
        k,_,v = lines.pop(0)[2:].partition(':')
        opts[k.strip()] = v.strip()
    return opts,'\n'.join(lines)

def fence(text, cls=''):
    n = max([3] + [len(m) + 1 for m in re.findall(r'`{3,}', text)])
    return f"{'`'*n}{cls}\n{text.rstrip()}\n{'`'*n}"

def page_markdown(nb, stem, media):
    front,parts,nimg = {},[],0
    for c in nb['cells']:
        src = ''.join(c['source'])
        if c['cell_type'] == 'raw':
            m = re.match(r'\s*---\n(.*?)\n---', src, re.S)
            if m: front.update(yaml.safe_load(m.group(1)) or {})
            continue
        if c['cell_type'] == 'markdown': parts.append(src); continue
        opts,code = cell_options(src)
        if opts.get('include') == 'false': continue
        if opts.get('echo') != 'false' and code.strip():
            fold = opts.get('code-fold') in ('show', 'true')  # nbdev's `exports` cells: the source, in a fold
            if fold: parts.append(f'<details{" open" if opts["code-fold"] == "show" else ""}><summary>{html.escape(opts.get("code-summary", "Code").strip(chr(34)))}</summary>')
            parts.append(fence(code, 'python'))
            if fold: parts.append('</details>')
        if opts.get('output') == 'false': continue
        for o in c.get('outputs', []):
            d = o.get('data', {})
            wrap = opts.get('output') != 'asis' and 'text/markdown' not in d  # Quarto's output divs, which styles.css styles
            if wrap: parts.append('::: {.cell-output .cell-output-display}')
            if o['output_type'] == 'stream': parts.append(fence(''.join(o['text'])))
            elif o['output_type'] == 'error': parts.append(fence('\n'.join(o.get('traceback', []))))
            else:
                img = next((k for k in ('image/png', 'image/jpeg', 'image/svg+xml') if k in d), None)
                if img:
                    nimg += 1
                    name = f"{stem}-{nimg}.{img.split('/')[1].replace('+xml', '').replace('jpeg', 'jpg')}"
                    data = ''.join(d[img])
                    if img.endswith('xml'): (media/name).write_text(data)
                    else:
                        import base64
                        (media/name).write_bytes(base64.b64decode(data))
                    parts.append(f"![](figures/{name})")
                elif 'text/markdown' in d: parts.append(''.join(d['text/markdown']))
                elif 'text/html' in d: parts.append(fence(''.join(d['text/html']), '{=html}'))
                elif 'text/plain' in d: parts.append(fence(''.join(d['text/plain'])))
            if wrap: parts.append(':::')
    return front,'\n\n'.join(parts)

def out_name(nb_name, front):
    return front.get('output-file') or re.sub(r'^\d+[a-zA-Z0-9]*_', '', nb_name).replace('.ipynb', '.html')

# --- render with pandoc into _site/
import pypandoc
if site.exists(): shutil.rmtree(site)
(site/'figures').mkdir(parents=True)
for f in cache.iterdir():
    if f.is_dir() and not f.name.startswith(('.', '_')): shutil.copytree(f, site/f.name)
    elif f.suffix in ('.css', '.png', '.jpg', '.jpeg', '.svg', '.gif'): shutil.copy2(f, site/f.name)
pages = {}
for nb_name in sidebar:
    nb = json.loads((cache/nb_name).read_text())
    front,md = page_markdown(nb, Path(nb_name).stem, site/'figures')
    pages[nb_name] = dict(front=front, md=md, out=out_name(nb_name, front))
out_of = {k: v['out'] for k,v in pages.items()}

tpl = site/'.page.tpl'
tpl.write_text('$if(toc)$<nav class="toc"><h2>On this page</h2>$table-of-contents$</nav>$endif$\n$body$\n')
def inline(text):
    "A title as HTML: escaped, with its `code` spans"
    return re.sub(r'`([^`]+)`', r'<code>\1</code>', html.escape(str(text)))

def nav_html(current):
    items = []
    for it in staged['website']['sidebar']['contents']:
        if isinstance(it, str): items.append(it)
        else: items.append(('section', it.get('section', ''))); items += list(listed(it.get('contents', [])))
    out = []
    for it in items:
        if isinstance(it, tuple): out.append(f'<li class="section">{html.escape(it[1])}</li>'); continue
        cls = ' class="current"' if it == current else ''
        out.append(f'<li{cls}><a href="{out_of[it]}">{inline(pages[it]["front"].get("title", it))}</a></li>')
    return '<ul>' + ''.join(out) + '</ul>'

def local_links(text):
    "Links to the hosted site or to notebooks become links between the pages of this site"
    text = text.replace(f'href="{site_url}', 'href="')
    return re.sub(r'href="([^":#?]+)\.ipynb(#[^"]*)?"', lambda m: f'href="{out_of.get(m.group(1) + ".ipynb", m.group(1) + ".html")}{m.group(2) or ""}"', text)

repo = str(meta.get('repo-url', '')).rstrip('/')
for nb_name,p in pages.items():
    body = pypandoc.convert_text(p['md'], 'html5', format='markdown-smart+tex_math_dollars',
                                 extra_args=['--mathml', '--toc', '--toc-depth=3', f'--template={tpl}', '--wrap=none',
                                             '--metadata', f'title={p["front"].get("title", nb_name)}'])
    title = inline(p['front'].get('title', nb_name))
    desc = html.escape(str(p['front'].get('description', '')))
    source = f"{repo}/blob/{meta.get('repo-branch')}/{meta.get('repo-subdir')}/{nb_name}"
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(str(p['front'].get('title', nb_name)).replace('`', ''))} – {html.escape(str(meta.get('title')))}</title><meta name="description" content="{desc}">
<link rel="stylesheet" href="site.css"><link rel="stylesheet" href="styles.css"></head>
<body><header><a class="site" href="index.html">{html.escape(str(meta.get('title')))}</a>
<span class="tagline">{html.escape(str(meta.get('description')))}</span><a class="repo" href="{repo}">GitHub</a></header>
<div class="layout"><nav class="sidebar">{nav_html(nb_name)}</nav>
<main><h1 class="title">{title}</h1><p class="description">{desc}</p>
<p class="actions"><a class="source" href="{source}">View source</a> · <a href="{repo}/issues">Report an issue</a></p>
{local_links(body)}</main></div></body></html>
"""
    (site/p['out']).write_text(page)
tpl.unlink()
(site/'site.css').write_text("""
body { margin: 0; font: 16px/1.55 system-ui, sans-serif; color: #222; }
header { display: flex; gap: 1.5rem; align-items: baseline; padding: .7rem 1.5rem; background: #2780e3; color: #fff; }
header a { color: #fff; text-decoration: none; } header .site { font-weight: 600; font-size: 1.2rem; }
header .tagline { opacity: .85; font-size: .9rem; flex: 1; } .layout { display: flex; }
.sidebar { flex: 0 0 15rem; padding: 1rem; border-right: 1px solid #eee; font-size: .92rem; }
.sidebar ul { list-style: none; padding: 0; margin: 0; position: sticky; top: 1rem; }
.sidebar li { margin: .25rem 0; } .sidebar .section { margin-top: .8rem; font-weight: 600; }
.sidebar .current a { font-weight: 600; } a { color: #2761e3; }
main { flex: 1; max-width: 1000px; padding: 0 2rem 4rem; min-width: 0; }
.description { color: #555; } .actions { font-size: .85rem; }
nav.toc { float: right; width: 15rem; margin: 0 0 1rem 1.5rem; font-size: .85rem; border-left: 2px solid #eee; padding-left: .8rem; }
nav.toc h2 { font-size: .9rem; margin: 0; } nav.toc ul { padding-left: 1rem; }
pre { background: #f6f8fa; padding: .6rem .8rem; overflow-x: auto; font-size: .85rem; }
code { font-size: .9em; } img { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: .85rem; margin: 1rem 0; }
th, td { border-bottom: 1px solid #ddd; padding: .25rem .6rem; text-align: right; }
hr { border: 0; border-top: 1px solid #ddd; margin: 2rem 0 1rem; }
details > summary { font-size: .8rem; color: #555; cursor: pointer; }
""")

# --- check the rendered site as a reader would follow it
class Page(HTMLParser):
    def __init__(self):
        super().__init__(); self.ids,self.links,self.imgs,self.code_links,self._a = set(),[],[],0,None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if 'id' in a: self.ids.add(a['id'])
        if tag == 'a' and 'href' in a: self.links.append(a['href']); self._a = a['href']
        if tag == 'img': self.imgs.append(a.get('src', ''))
        if tag == 'code' and self._a and '#' in self._a and not self._a.startswith('http'): self.code_links += 1
    def handle_endtag(self, tag):
        if tag == 'a': self._a = None

parsed = {}
for p in pages.values():
    parsed[p['out']] = Page(); parsed[p['out']].feed((site/p['out']).read_text())
counts,linked_names = {},0
for nb_name,p in pages.items():
    pg,out = parsed[p['out']],p['out']
    counts[nb_name] = sum(1 for s in pg.imgs if s)
    if nb_name[:2].isdigit() and counts[nb_name] == 0: err(f"{out} shows no image: run {nb_name} and commit its outputs")
    if nb_name[:2].isdigit():  # its Colab badge, inline in a paragraph (alone, Quarto would make it a captioned figure)
        html_text = (site/out).read_text()
        if not re.search(r'<p><a href="https://colab\.research\.google\.com/github/[^"]+"><img src="[^"]*colab-badge\.svg"[^>]*/></a> \S', html_text):
            err(f"{out}: no Colab badge inline in a paragraph of text (python .ci/metadata.py writes it)")
    linked_names += pg.code_links
    for src in pg.imgs:
        if not src: err(f"{out}: an image with no source")
        elif not src.startswith(('data:', 'http:', 'https:')) and not (site/unquote(src)).exists(): err(f"{out}: image {src} is missing")
    for href in pg.links:
        u = urlsplit(href)
        if u.scheme in ('http', 'https', 'mailto'):
            if href.startswith(repo + '/blob/'):  # a source link: the file must exist in this repository
                rel = href.split('/blob/', 1)[1].split('#')[0].split('/', 1)[1]
                if not (root/rel).exists(): err(f"{out}: source link {href} names no file of the repository")
            continue
        target = unquote(u.path) or out
        if target not in parsed:
            if not (site/target).exists(): err(f"{out}: link {href} goes to a missing page")
            continue
        if u.fragment and u.fragment not in parsed[target].ids: err(f"{out}: link {href} goes to a missing anchor")
if linked_names == 0: err("no backticked name links to its documentation")

print('docs: images per page:', ', '.join(f"{pages[k]['out']} {v}" for k,v in counts.items()))
print(f"docs: {linked_names} backticked names linked to their documentation; "
      f"{sum(len(p.links) for p in parsed.values())} links checked")
for e in errors: print('docs error:', e)
if errors: sys.exit(1)
print(f"docs: nbdev processed {len(nbs)} notebooks into {cache.name}/, pandoc rendered them into {site.name}/; all checks passed")

if '--serve' in sys.argv:
    import functools, http.server
    i = sys.argv.index('--serve')
    port = int(sys.argv[i + 1]) if len(sys.argv) > i + 1 else 8000
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    print(f"docs: serving {site.name}/ on http://localhost:{port}/ (Ctrl-C to stop)")
    with http.server.ThreadingHTTPServer(('localhost', port), handler) as s:
        try: s.serve_forever()
        except KeyboardInterrupt: pass
