"""eDiscovery productions: Bates numbers, Concordance/Opticon load files, and production volumes.

A production volume is a folder with DATA (the ``.dat`` and ``.opt`` load files), IMAGES
(single-page TIFFs named by Bates number), TEXT and NATIVES. This package only reads them into
plain dataclasses and lists what is inconsistent; it neither stores nor OCRs anything.
"""
