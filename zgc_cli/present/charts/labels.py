"""Point labels of an image that never overlap: moved around their point, or left out.

Labels are placed in order of priority (the first series' first); each takes
the first free place of :data:`LABEL_PLACES` around its point, where it covers
no other label and no series' point (and, where one is left, crosses no series'
line), or is hidden.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.text import Annotation


# Where a point's label may go, in order: above, below, right, left (offset in points, ha, va).
LABEL_PLACES: tuple[tuple[tuple[float, float], Any, Any], ...] = (
    ((0, 5), "center", "bottom"),
    ((0, -6), "center", "top"),
    ((7, 0), "left", "center"),
    ((-7, 0), "right", "center"),
)


def _point_boxes(figure: Any, renderer: Any) -> list[Any]:
    """A small box around every marker drawn: labels keep off other series' points."""
    import numpy as np
    from matplotlib.transforms import Bbox

    radius = renderer.points_to_pixels(4.0)
    boxes = []
    for axes in figure.axes:
        for drawn in axes.lines:
            if drawn.get_marker() in (None, "None", "", " "):
                continue
            xy = drawn.get_xydata()
            for x, y in axes.transData.transform(xy[~np.isnan(xy).any(axis=1)]):
                boxes.append(Bbox([[x - radius, y - radius], [x + radius, y + radius]]))
    return boxes


def _line_paths(figure: Any) -> list[Any]:
    """Every series' drawn line, in display coordinates: a label keeps off them where it can."""
    paths = []
    for axes in figure.axes:
        for drawn in axes.lines:
            if drawn.get_linestyle() in (None, "None", "", " ") or drawn.get_linestyle() == ":":
                continue  # markers only, or the dotted line at 100 every base point sits on
            paths.append(drawn.get_transform().transform_path(drawn.get_path()))
    return paths


def separate_labels(figure: Any, labels: Sequence[Annotation], layout_only: bool = False) -> None:
    """Move each label that would overlap an earlier one, or hide it when no place is free.

    The places tried are above the point, below, right and left; a label covers
    neither another label nor any series' point, and stays inside the figure. A
    text already shown at the same point is hidden rather than repeated.

    Labels keep their order of priority (the first series' labels first). The
    figure is laid out first, so the boxes are the ones that will be drawn;
    labels take no part in the layout, so moving them does not move the panels.
    ``layout_only``: run the layout only, not a whole draw (the caller then saves the
    figure without laying it out again).
    """
    if not labels:
        return
    for label in labels:
        label.set_in_layout(False)
    if layout_only:  # the axes are placed by the layout alone; no need to draw
        figure.get_layout_engine().execute(figure)
    else:
        figure.draw_without_rendering()
    renderer = figure.canvas.get_renderer()
    taken: list[Any] = _point_boxes(figure, renderer)
    lines = _line_paths(figure)
    said: set[tuple[str, tuple[float, float]]] = set()
    for label in labels:
        # The same text at the same point (every series is 100 at its base): said once.
        key = (label.get_text(), (float(label.xy[0]), float(label.xy[1])))
        if key in said:
            label.set_visible(False)
            continue
        said.add(key)
        # First a place that crosses no series' line; else any place free of labels and points.
        places = [(place, True) for place in LABEL_PLACES] + [(p, False) for p in LABEL_PLACES]
        for (offset, horizontal, vertical), off_lines in places:
            label.xyann = offset
            label.set_horizontalalignment(horizontal)
            label.set_verticalalignment(vertical)
            box = label.get_window_extent(renderer).expanded(1.04, 1.1)
            # A label past the figure's edge is cut there, and a cut number misleads.
            inside = figure.bbox.contains(box.x0, box.y0) and figure.bbox.contains(box.x1, box.y1)
            if not inside or any(box.overlaps(other) for other in taken):
                continue
            if off_lines and any(path.intersects_bbox(box, filled=False) for path in lines):
                continue
            taken.append(box)
            break
        else:
            label.set_visible(False)
