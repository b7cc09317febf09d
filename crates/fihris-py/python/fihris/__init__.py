"""fihris: open-government-data catalogues from Python.

Read, write, check and measure catalogues (DCAT-AP 3 RDF and JSON-LD, CKAN API JSON, the
national CSV inventory). Results are plain dicts and lists, ready for pandas.

>>> import fihris
>>> [theme["eu_theme"] for theme in fihris.vocab.themes()][:3]
['AGRI', 'ECON', 'REGI']
"""

from fihris import vocab
from fihris._fihris import __version__

__all__ = ["__version__", "vocab"]
