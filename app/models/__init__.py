"""The models wing: the model store (``store``: the embedded model, converted folders, their
manifests), checked imports from removable media (``importing``), the site's model-signing key
(``signing``), which model a case uses (``choice``) and the loaded model behind one backend
(``session``)."""
