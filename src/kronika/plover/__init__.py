"""The PLOVER event ontology as kronika uses it: 16 types, their modes, CAMEO codes with Goldstein weights."""
from kronika.plover.ontology import TYPES, cameo_info, goldstein, quad_class, valid_mode

__all__ = ["TYPES", "cameo_info", "goldstein", "quad_class", "valid_mode"]
