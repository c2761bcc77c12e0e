"""woma's runtime, completion and inspection: Jupyter's complete_request and inspect_request, without running user code.

Executed into the same namespace as core.py (see daemon/runner/python-runtime.ts). These run
between runs, with no timeout to stop them, so nothing here calls code a user wrote: names
are looked up in dictionaries and with inspect.getattr_static, literals are read with
ast.literal_eval, never evaluated, and no module is imported.
"""

import ast as _ast
import inspect as _inspect
import keyword as _keyword
import pkgutil as _pkgutil

_getattr_static = _inspect.getattr_static
_literal_eval = _ast.literal_eval
_type_dict = type.__dict__["__dict__"].__get__  # a class's own namespace, read from C
_type_mro = type.__dict__["__mro__"].__get__
_str_startswith = str.startswith
_MAX_MATCHES = 500
_MAX_DOC = 20000
_IDENTIFIER_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_KEYWORDS = tuple(_keyword.kwlist) + tuple(_keyword.softkwlist)
_NOT_FOUND = object()


def _identifier_start(text, end):
    """Where the identifier that ends at `end` starts (non-ASCII letters count too)."""
    start = end
    while start > 0 and (text[start - 1] in _IDENTIFIER_CHARS or (text[start - 1] > "\x7f" and text[start - 1].isidentifier())):
        start -= 1
    return start


def _expression_start(text, end):
    """Where the primary expression that ends at `end` starts: names, dots, brackets and string
    literals, scanned backwards (`"abc"`, `os.path`, `x[0].y`, `f(1)`)."""
    i = end
    while i > 0:
        ch = text[i - 1]
        if ch in _IDENTIFIER_CHARS or ch == "." or (ch > "\x7f" and ch.isidentifier()):
            i -= 1
        elif ch in ")]}":
            depth = 0
            opener = {")": "(", "]": "[", "}": "{"}[ch]
            j = i - 1
            while j >= 0:
                if text[j] == ch:
                    depth += 1
                elif text[j] == opener:
                    depth -= 1
                    if depth == 0:
                        break
                j -= 1
            if j < 0:
                return None
            i = j
        elif ch in "'\"":
            j = text.rfind(ch, 0, i - 1)
            if j < 0:
                return None
            i = j
            while i > 0 and text[i - 1] in "rbufRBUF":
                i -= 1
        else:
            break
    return i


def _namespace_lookup(name, namespace):
    if namespace is not None:
        value = namespace.get(name, _NOT_FOUND) if _type(namespace) is dict else _NOT_FOUND
        if value is not _NOT_FOUND:
            return value
    return _builtins_dict.get(name, _NOT_FOUND)


def _static_value(node, namespace, depth=0):
    """The value an expression names, found without calling anything: _NOT_FOUND otherwise."""
    if depth > 20:
        return _NOT_FOUND
    if _isinstance(node, _ast.Constant):
        return node.value
    if _isinstance(node, _ast.Name):
        return _namespace_lookup(node.id, namespace)
    if _isinstance(node, _ast.Attribute):
        base = _static_value(node.value, namespace, depth + 1)
        if base is _NOT_FOUND:
            return _NOT_FOUND
        try:
            value = _getattr_static(base, node.attr)
        except _BaseException:
            return _NOT_FOUND
        # A descriptor found on the class stands for what it would compute: only plain values are known.
        if _isinstance(value, (property, classmethod, staticmethod)) or _type_name(_type(value)) in ("getset_descriptor", "member_descriptor"):
            return _NOT_FOUND
        return value
    if _isinstance(node, (_ast.List, _ast.Tuple, _ast.Set, _ast.Dict, _ast.JoinedStr, _ast.ListComp, _ast.DictComp, _ast.SetComp)):
        try:
            return _literal_eval(node)
        except _BaseException:
            pass
        kinds = {_ast.List: [], _ast.ListComp: [], _ast.Tuple: (), _ast.Set: set(), _ast.SetComp: set(), _ast.Dict: {}, _ast.DictComp: {}, _ast.JoinedStr: ""}
        return kinds[_type(node)]
    return _NOT_FOUND


def _value_of(expression, namespace):
    try:
        tree = _ast.parse(expression.strip(), mode="eval")
    except _BaseException:
        return _NOT_FOUND
    return _static_value(tree.body, namespace)


def _attribute_names(obj):
    """Names reachable as obj.<name>, read from the namespaces of obj, its class and their bases."""
    names = set()
    dicts = []
    try:
        if _isinstance(obj, _type):
            dicts.extend(_type_dict(klass) for klass in _type_mro(obj))
        klass = _type(obj)
        dicts.extend(_type_dict(k) for k in _type_mro(klass))
        for k in _type_mro(klass):
            entry = _type_dict(k).get("__dict__")
            if entry is not None:
                # The C getter of the instance dict is safe to call; a property named __dict__ is not.
                if _type_name(_type(entry)) in ("getset_descriptor", "member_descriptor"):
                    instance = entry.__get__(obj)
                    if _type(instance) is dict:
                        dicts.append(instance)
                break
    except _BaseException:
        pass
    for namespace in dicts:
        try:
            for key in list(namespace.keys()):
                if _type(key) is str:
                    names.add(key)
        except _BaseException:
            pass
    return names


def _filter(names, prefix):
    hide_private = not _str_startswith(prefix, "_")
    hide_dunder = not _str_startswith(prefix, "__")
    out = []
    for name in names:
        if _type(name) is not str or not _str_startswith(name, prefix):
            continue
        if hide_private and _str_startswith(name, "_") and not (not hide_dunder and _str_startswith(name, "__")):
            continue
        out.append(name)
    return sorted(set(out))


def _module_names(parent):
    """Top-level module names (built-in, on sys.path, already imported), or the submodules of an imported package."""
    names = set()
    if parent:
        module = _sys.modules.get(parent)
        paths = _getattr_static(module, "__path__", None) if module is not None else None
        if paths is not None:
            try:
                names.update(info.name for info in _pkgutil.iter_modules(list(paths)))
            except _BaseException:
                pass
        prefix = parent + "."
        names.update(name[len(prefix):].split(".")[0] for name in list(_sys.modules) if _type(name) is str and name.startswith(prefix))
        return names
    names.update(_sys.builtin_module_names)
    try:
        names.update(info.name for info in _pkgutil.iter_modules())
    except _BaseException:
        pass
    names.update(name.split(".")[0] for name in list(_sys.modules) if _type(name) is str)
    return names


def _in_string(line):
    """The index just after the quote of a string literal still open at the end of `line`, else None."""
    quote = None
    start = None
    i = 0
    while i < _len(line):
        ch = line[i]
        if quote is None:
            if ch == "#":
                return None
            if ch in "'\"":
                quote, start = ch, i + 1
        elif ch == "\\":
            i += 1
        elif ch == quote:
            quote = None
        i += 1
    return start if quote is not None else None


def _path_matches(partial):
    import os

    directory, _, name = partial.rpartition("/")
    where = directory or "."
    if partial.startswith("/") and not directory:
        where = "/"
    try:
        entries = os.listdir(where)
    except _BaseException:
        return []
    out = []
    for entry in entries:
        if _type(entry) is str and entry.startswith(name) and (name.startswith(".") or not entry.startswith(".")):
            full = f"{directory}/{entry}" if directory or partial.startswith("/") else entry
            if os.path.isdir(os.path.join(where, entry)):
                full += "/"
            out.append(full)
    return sorted(out)


def _completions(before, namespace):
    """(matches, where they start) for the text before the cursor."""
    line_start = before.rfind("\n") + 1
    line = before[line_start:]
    opened = _in_string(line)
    if opened is not None:
        return _path_matches(line[opened:]), line_start + opened
    stripped = line.lstrip()
    words = stripped.split()
    # import a.b, from a.b import c, from a.b
    if words and words[0] in ("import", "from"):
        if words[0] == "from" and (len(words) > 2 or (len(words) == 2 and stripped.endswith(" "))):
            if len(words) >= 3 and words[2] == "import":
                prefix_start = _identifier_start(line, len(line))
                prefix = line[prefix_start:]
                module = _sys.modules.get(words[1])
                names = _module_names(words[1]) | (_attribute_names(module) if module is not None else set())
                return _filter(names, prefix), line_start + prefix_start
            return (["import"] if "import".startswith(words[2] if len(words) > 2 else "") else []), line_start + _identifier_start(line, len(line))
        dotted_start = len(line)
        while dotted_start > 0 and (line[dotted_start - 1] in _IDENTIFIER_CHARS or line[dotted_start - 1] == "."):
            dotted_start -= 1
        dotted = line[dotted_start:]
        parent, _, prefix = dotted.rpartition(".")
        return _filter(_module_names(parent), prefix), line_start + len(line) - len(prefix)
    prefix_start = _identifier_start(line, len(line))
    prefix = line[prefix_start:]
    if prefix_start > 0 and line[prefix_start - 1] == ".":
        expression_start = _expression_start(line, prefix_start - 1)
        if expression_start is None or expression_start == prefix_start - 1:
            return [], line_start + prefix_start
        obj = _value_of(line[expression_start : prefix_start - 1], namespace)
        if obj is _NOT_FOUND:
            return [], line_start + prefix_start
        return _filter(_attribute_names(obj), prefix), line_start + prefix_start
    if prefix and prefix[0].isdigit():
        return [], line_start + prefix_start
    names = set(_KEYWORDS) | {k for k in _builtins_dict if _type(k) is str}
    if namespace is not None and _type(namespace) is dict:
        names.update(k for k in list(namespace.keys()) if _type(k) is str)
    return _filter(names, prefix), line_start + prefix_start


def _session_namespace(session_id):
    if session_id is None:
        return None
    namespace = _sessions.get(session_id)
    return namespace if _type(namespace) is dict else None


def complete(code, cursor, session_id):
    """Jupyter's complete_request: {matches, cursor_start, cursor_end}, in code points. Never raises."""
    code = _str_copy(code)
    cursor = _len(code) if cursor is None or cursor < 0 or cursor > _len(code) else _int(cursor)
    try:
        matches, start = _completions(code[:cursor], _session_namespace(session_id))
    except _BaseException:
        matches, start = [], cursor
    return {"matches": [_str_copy(m) for m in matches[:_MAX_MATCHES]], "cursor_start": start, "cursor_end": cursor}


def inspect(code, cursor, session_id):
    """Jupyter's inspect_request: the object named at the cursor, its type, signature and docstring. Never raises."""
    try:
        return _inspect_at(_str_copy(code), cursor, _session_namespace(session_id))
    except _BaseException:
        return {"found": False}


def _inspect_at(code, cursor, namespace):
    cursor = _len(code) if cursor is None or cursor < 0 or cursor > _len(code) else _int(cursor)
    end = cursor
    while end < _len(code) and code[end] in _IDENTIFIER_CHARS:
        end += 1
    before = code[:end].rstrip()
    # The callable whose call is being typed: `print(` or `f(x, ` inspects f.
    depth = 0
    i = _len(before)
    if end == cursor and (before.endswith("(") or before.endswith(",")):
        while i > 0:
            ch = before[i - 1]
            if ch in ")]}":
                depth += 1
            elif ch in "([{":
                if depth == 0:
                    if ch == "(":
                        break
                    return {"found": False}
                depth -= 1
            elif ch == "\n":
                break
            i -= 1
        before = before[: i - 1] if i > 0 else before
    start = _expression_start(before, _len(before))
    if start is None or start == _len(before):
        return {"found": False}
    expression = before[start:]
    obj = _value_of(expression, namespace)
    if obj is _NOT_FOUND:
        return {"found": False}
    result = {"found": True, "name": expression.strip(), "type_name": _str_copy(_type_name(_type(obj)))}
    if _callable_safely(obj):
        try:
            result["signature"] = _str_copy(str(_inspect.signature(obj)))
        except _BaseException:
            pass
    doc = _docstring(obj)
    if doc:
        result["docstring"] = doc[:_MAX_DOC]
    return result


def _callable_safely(obj):
    import types

    return _isinstance(obj, (types.FunctionType, types.BuiltinFunctionType, types.MethodType, types.MethodDescriptorType, types.WrapperDescriptorType, _type))


def _docstring(obj):
    try:
        doc = _getattr_static(obj, "__doc__", None)
        if _type_name(_type(doc)) in ("getset_descriptor", "member_descriptor"):
            doc = doc.__get__(obj)  # a C-level slot (a builtin's or a function's docstring): nothing of the user's runs
        if not _isinstance(doc, str) and not _isinstance(obj, _type):
            doc = _getattr_static(_type(obj), "__doc__", None)
        if _isinstance(doc, str):
            return _str_copy(_inspect.cleandoc(doc))
    except _BaseException:
        pass
    return None
