"""The offline web workbench: static HTML, CSS and ES modules served by kronika.api at /."""
