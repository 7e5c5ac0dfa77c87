"fastai-style setup.py: all metadata lives in settings.ini"
from configparser import ConfigParser
import setuptools, shlex

config = ConfigParser(delimiters=['='])
config.read('settings.ini', encoding='utf-8')
cfg = config['DEFAULT']
for o in 'version description keywords author author_email license git_url min_python'.split():
    assert o in cfg, f"missing expected setting: {o}"

licenses = {'apache2': 'Apache-2.0'}  # SPDX identifiers
statuses = ['1 - Planning', '2 - Pre-Alpha', '3 - Alpha', '4 - Beta', '5 - Production/Stable', '6 - Mature', '7 - Inactive']
requirements = shlex.split(cfg.get('requirements', ''))
dev_requirements = shlex.split(cfg.get('dev_requirements', ''))
cluster_requirements = shlex.split(cfg.get('cluster_requirements', ''))  # Dask, for jobs on workers
scripts = [s.strip() for s in cfg.get('console_scripts', '').split('\n') if s.strip()]

setuptools.setup(
    name=cfg['lib_name'], version=cfg['version'], license=licenses[cfg['license']],
    description=cfg['description'], keywords=cfg['keywords'],
    author=cfg['author'], author_email=cfg['author_email'], url=cfg['git_url'],
    classifiers=['Development Status :: ' + statuses[int(cfg['status'])], 'Intended Audience :: Developers',
                 'Natural Language :: English',
                 'Programming Language :: Python :: 3 :: Only'],
    packages=setuptools.find_packages(include=[cfg['lib_name'], cfg['lib_name'] + '.*']) + [cfg['lib_name'] + '.images', cfg['lib_name'] + '.automata'],  # data folders
    include_package_data=True, package_data={cfg['lib_name'] + '.images': ['*.jpg', '*.md'], cfg['lib_name'] + '.automata': ['*.pt']},
    install_requires=requirements, extras_require={'dev': dev_requirements + cluster_requirements, 'cluster': cluster_requirements},
    python_requires='>=' + cfg['min_python'],
    long_description=open('README.md', encoding='utf-8').read(), long_description_content_type='text/markdown',
    zip_safe=False, entry_points={'console_scripts': scripts, 'nbdev': [f"{cfg['lib_name']}={cfg['lib_name']}._modidx:d"]},
)
