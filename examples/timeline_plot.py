"""Plot the India–Israel timeline: exact days as points, imprecise dates as spans.

Needs the plot extra (matplotlib).  Writes a PNG; the README's picture is made by
this script.

Run:  python examples/timeline_plot.py [OUTPUT.png]
"""

import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

import agreement_tracker as at

output = sys.argv[1] if len(sys.argv) > 1 else "timeline.png"
t = at.load()
ax = t.between("2025-04-01", "2025-11-30").plot()
ax.figure.tight_layout()
ax.figure.savefig(output, dpi=110, metadata={"Software": None})
plt.close(ax.figure)
print(f"wrote {output}")
