__version__ = "0.0.1"

import warnings
# fastai's import calls torch.jit.script, which torch 2.14 deprecates: a warning on every run that users can do nothing about
warnings.filterwarnings('ignore', message='`torch.jit.script` is deprecated', category=FutureWarning)
