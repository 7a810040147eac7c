import ast, sys
for p in sys.argv[1:]:
    t = ast.parse(open(p).read())
    imported = {}
    for n in ast.walk(t):
        if isinstance(n, (ast.Import, ast.ImportFrom)):
            for a in n.names:
                imported[(a.asname or a.name).split(".")[0]] = n.lineno
    used = {n.id for n in ast.walk(t) if isinstance(n, ast.Name)} | {n.value.id for n in ast.walk(t) if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)}
    src = open(p).read()
    for name, line in imported.items():
        if name not in used and name != "annotations" and f'"{name}"' not in src:
            print(f"{p}:{line}: unused {name}")
