"""Same output, faster: reading and rendering on every core (`parallel`, `cores`), caches
for preview rebuilds (`cache`, `preview`) and the HTML audit on a spare core (`auditing`).
Remove this folder and only time changes (tests compare both paths).

May import: `problems`, `records`, `loading`, `rendering`, `publishing`.
"""
