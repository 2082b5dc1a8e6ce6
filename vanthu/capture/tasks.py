"""Background tasks of the capture app (take ids; a second run does nothing)."""

from __future__ import annotations

from django_tasks import task

from vanthu.capture.pdfa import capture_copy_make
from vanthu.capture.pipeline import capture_process

# The PDF/A copy waits behind the text of newly received files.
COPY_PRIORITY = -10


@task()
def process_capture(job_id: int) -> str:
    """Run OCR and extraction for a received job; return the state it reached."""
    return str(capture_process(job_id=job_id).state)


@task(priority=COPY_PRIORITY)
def make_capture_copy(job_id: int) -> str:
    """Make the searchable PDF/A-2b copy of a scan; return the copy's state."""
    return str(capture_copy_make(job_id=job_id).copy_state)
