"""The data layer: the files staff edit, read into the model, checked file by file and across files, and queried.

Nothing is imported here, so `import kpi.data.model` loads the model alone.
"""
