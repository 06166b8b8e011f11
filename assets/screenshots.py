"""Re-take the README's screenshots from the real app (real vault, worker, model and demo case).

    xvfb-run -a .venv/bin/python -m assets.screenshots        # or with QT_QPA_PLATFORM=offscreen
    .venv/bin/python -m assets.screenshots review             # only the review grid (minutes)

Everything happens in a throw-away data folder; the images land in docs/screenshots/.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="casefile-shots-"))
    os.environ["CASEFILE_HOME"] = str(home)
    os.environ.setdefault("CASEFILE_MODELS", str(OUT.parent.parent / ".cache" / "models"))
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app.demo import DEMO_CASE
    from app.models.store import prepare_embedded
    from app.unlock import create_vault
    from assets.demo.make_demo_pdfs import FACTS
    from ui.main_window import MainWindow
    from ui.scripting import wait_for as wait

    prepare_embedded()
    app = QApplication(sys.argv[:1])
    window = MainWindow(create_vault("screenshot-passphrase")[0], auto_lock_minutes=0)
    window.resize(1500, 900)
    window.show()

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shoot(widget, name: str) -> None:
        settle()
        OUT.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(OUT / name))
        print(f"wrote {OUT / name}")

    if sys.argv[1:] == ["review"]:
        status = review_shot(window, home, wait, settle, shoot)
        window.close()
        app.quit()
        shutil.rmtree(home, ignore_errors=True)
        return status
    settle(800)
    shoot(window, "first-start.png")  # no case yet: what a case is, and the demo case offered
    wait(window.case_opened, window.open_demo)
    settle(1500)  # the table and the gauge
    wait(window.answer_finished, lambda: window.ask_question(FACTS["price_question"]))
    window.documents.set_included("D1", False)  # the clinic note (D1 by name order): left out next
    settle(1500)
    second = "Who signed the supply agreement for the buyer?"
    window.chat.question.setText(second)
    wait(window.answer_finished, lambda: window.ask_question(second))
    if window.chat.link_count():
        wait(window.page_shown, lambda: window.chat.open_link(0))
    shoot(window, "main-window.png")  # the conversation, a document unticked, the cited page
    staged_shot(window, home, wait, settle, shoot)
    wait(window.case_opened, lambda: window.refresh_cases(DEMO_CASE))  # the task reads the demo case
    task = wait(window.menus.task_finished, lambda: window.menus.run("chronology"))
    if window.menus.result_windows:
        shoot(window.menus.result_windows[0], "task-chronology.png")
        window.menus.result_windows[0].close()
    wait(window.lock_changed, window.lock)
    shoot(window, "locked.png")
    window.close()
    app.quit()
    shutil.rmtree(home, ignore_errors=True)
    return 0 if task is not None else 1


def staged_shot(window, home: Path, wait, settle, shoot) -> None:
    """A case larger than the window, answered in staged passes: the progress strip mid-pass."""
    from PySide6.QtCore import QTimer

    from tests.fixtures.documents import write_over_the_window
    from ui.scripting import open_new_case

    folder = write_over_the_window(home / "big")
    open_new_case(window, "Warehouse inspection (fictional)")
    wait(window.ingest_finished, lambda: window.add_documents([folder]))
    settle(1500)
    question = "What is the forklift serial number?"
    window.chat.question.setText(question)
    taken = []
    show = window.chat.show_progress

    def shoot_second_pass(step) -> None:
        show(step)
        if not taken and getattr(step, "phase", "") == "pass" and step.part == 2 and step.done:
            taken.append(True)  # once the status bar has caught up with the strip
            QTimer.singleShot(0, lambda: shoot(window, "staged-progress.png"))

    window.chat.show_progress = shoot_second_pass
    wait(window.answer_finished, lambda: window.ask_question(question, staged=True))
    window.chat.show_progress = show


def review_shot(window, home: Path, wait, settle, shoot) -> int:
    """The demo production (30 documents) reviewed with the correspondence set (5 columns) from
    the window, each cell reading its own document; a verified cell opened in the viewer."""
    from app.reviews.columns import built_in
    from assets.production.make_production import make_production
    from ui.review_window import ROW_ROLE
    from ui.scripting import open_new_case

    volume = make_production(home / "production")
    open_new_case(window, "Northgate production (demo)")
    wait(window.ingest_finished, lambda: window.add_documents([volume]))
    title, columns = built_in("correspondence")
    review = wait(window.reviews.review_finished, lambda: window.reviews.start(
        title, [c.as_json() for c in columns], "documents", "document"), timeout_s=1800)
    (grid,) = window.reviews.windows.values()
    grid.resize(1500, 900)
    cited = next((place for place, cell in sorted(grid.cells.items()) if cell.check == "verified"), None)
    if cited is not None:
        row = next(r for r in range(grid.table.rowCount())
                   if grid.table.item(r, 0).data(ROW_ROLE) == cited[0])
        grid.table.setCurrentCell(row, cited[1] + 1)
        wait(window.page_shown, lambda: grid.table.cellClicked.emit(row, cited[1] + 1))
    shoot(grid, "review-grid.png")
    shoot(window, "review-page.png")
    print(f"review {getattr(review, 'id', review)}: {grid.summary.text()}")
    window.reviews.close_windows()
    return 0 if getattr(review, "status", None) == "done" else 1


if __name__ == "__main__":
    sys.exit(main())
