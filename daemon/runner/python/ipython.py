"""woma's runtime, `IPython.display`: the small part of IPython that notebook code imports to show things.

Executed into the same namespace as core.py (see daemon/runner/python-runtime.ts); display.py's
_install_io() calls _install_ipython(), before harden() records the baseline, so these modules
are put back before every run like any other module.

Code written for notebooks (and by models trained on them) runs unchanged:
`from IPython.display import display, HTML, Markdown, clear_output` works, and so do
`IPython.core.display` and `IPython.core.display_functions`. It is not IPython: no shell, no
magics, no other submodule (importing one fails with ModuleNotFoundError), and
`IPython.get_ipython()` is None, so libraries that look for a notebook shell take their plain path.
`Javascript(...)` shows its code as text only: woma never hands a front end JavaScript to run.
"""

import copy as _copy
import html as _html_module
import os as _ipython_os

#: The IPython module names woma provides, with the module each is.
_IPYTHON_MODULES = ("IPython.display", "IPython.core.display", "IPython.core.display_functions")

#: Image formats by their first bytes, and the MIME type of each.
_IMAGE_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8", "jpeg"), (b"GIF87a", "gif"), (b"GIF89a", "gif"))
_IMAGE_MIME = {"png": "image/png", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp"}
_IMAGE_EXTENSIONS = {"png": "png", "jpg": "jpeg", "jpeg": "jpeg", "jpe": "jpeg", "gif": "gif", "webp": "webp"}


def _path_exists(text):
    try:
        return _len(text) < 4096 and "\n" not in text and _ipython_os.path.exists(text)
    except _Exception:
        return False


def _fetch_url(url):
    """The body of url, through woma's HTTP (the daemon's broker and its network policy)."""
    import urllib.request

    with urllib.request.urlopen(url) as response:
        return response.read()


class DisplayObject:
    """Something shown by its _repr_*_ methods, whose data comes from `data`, a file or a URL."""

    _read_flags = "r"
    _show_mem_addr = False
    metadata = None

    def __init__(self, data=None, url=None, filename=None, metadata=None):
        if _isinstance(data, _ipython_os.PathLike):
            data = _ipython_os.fspath(data)
        if _isinstance(data, _str):
            if data.startswith("http") and url is None:
                url, data = data, None
            elif filename is None and _path_exists(data):
                filename, data = data, None
        self.data = data
        self.url = url
        self.filename = None if filename is None else _str(filename)
        if metadata is not None:
            self.metadata = metadata
        elif self.metadata is None:
            self.metadata = {}
        self.reload()
        self._check_data()

    def __repr__(self):
        cls = _type(self)
        return f"<{cls.__module__}.{_type_name(cls)} object>"

    def _check_data(self):
        """Raises when the data is of a kind this object cannot show."""

    def reload(self):
        """Reads the data again from the file or URL it came from."""
        if self.filename is not None:
            encoding = None if "b" in self._read_flags else "utf-8"
            with open(self.filename, self._read_flags, encoding=encoding) as file:
                self.data = file.read()
        elif self.url is not None:
            body = _fetch_url(self.url)
            self.data = body if "b" in self._read_flags else body.decode("utf-8", "replace")

    def _data_and_metadata(self):
        if self.metadata:
            return self.data, _copy.deepcopy(self.metadata)
        return self.data


class TextDisplayObject(DisplayObject):
    """A display object whose data is text."""

    def _check_data(self):
        if self.data is not None and not _isinstance(self.data, _str):
            raise TypeError(f"{_type_name(_type(self))} expects text, got {_type_label(self.data)}")


class HTML(TextDisplayObject):
    """HTML, shown as text/html."""

    def _repr_html_(self):
        return self._data_and_metadata()

    def __html__(self):
        return self._repr_html_()


class Markdown(TextDisplayObject):
    """Markdown, shown as text/markdown."""

    def _repr_markdown_(self):
        return self._data_and_metadata()


class Latex(TextDisplayObject):
    """LaTeX, shown as text/latex."""

    def _repr_latex_(self):
        return self._data_and_metadata()


class Math(TextDisplayObject):
    """A LaTeX formula, shown as display math."""

    def _repr_latex_(self):
        text = r"$\displaystyle %s$" % (self.data or "").strip("$")
        return (text, _copy.deepcopy(self.metadata)) if self.metadata else text


class SVG(DisplayObject):
    """An SVG image, shown as image/svg+xml."""

    def _check_data(self):
        if _isinstance(self.data, (bytes, bytearray)):
            self.data = _bytes(self.data).decode("utf-8", "replace")
        if self.data is not None and not _isinstance(self.data, _str):
            raise TypeError(f"SVG expects text or bytes, got {_type_label(self.data)}")

    def _repr_svg_(self):
        return self._data_and_metadata()


class JSON(DisplayObject):
    """JSON data (a dict or a list, or its text), shown as application/json."""

    def __init__(self, data=None, url=None, filename=None, expanded=False, metadata=None, root="root", **kwargs):
        self.metadata = {"expanded": expanded, "root": root}
        if metadata:
            self.metadata.update(metadata)
        if kwargs:
            self.metadata.update(kwargs)
        super().__init__(data=data, url=url, filename=filename)

    def _check_data(self):
        if _isinstance(self.data, (bytes, bytearray)):
            self.data = _bytes(self.data).decode("utf-8")
        if _isinstance(self.data, _str):
            self.data = _json.loads(self.data)
        if self.data is not None and not _isinstance(self.data, (_dict, _list)):
            raise TypeError(f"JSON expects a dict or a list, got {_type_label(self.data)}")

    def _repr_json_(self):
        return self._data_and_metadata()


class Javascript(TextDisplayObject):
    """JavaScript, shown as text only: woma never hands a front end code to run (untrusted
    Python would otherwise reach the browser through it)."""

    def __init__(self, data=None, url=None, filename=None, lib=None, css=None):
        super().__init__(data=data, url=url, filename=filename)

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/plain": self.data or ""}


class Image(DisplayObject):
    """An image: PNG, JPEG, GIF or WebP bytes (or a file, or a URL), shown as its MIME type;
    a URL that is not embedded becomes an <img> tag."""

    _read_flags = "rb"

    def __init__(self, data=None, url=None, filename=None, format=None, embed=None, width=None, height=None, retina=False, unconfined=False, metadata=None, alt=None):
        if _isinstance(data, _ipython_os.PathLike):
            data = _ipython_os.fspath(data)
        if filename is None and url is None and _isinstance(data, _str):
            if data.startswith(("http://", "https://")):
                url, data = data, None
            elif _path_exists(data):
                filename, data = data, None
        source = filename if filename is not None else url
        if format is None and source is not None:
            format = _IMAGE_EXTENSIONS.get(_str(source).rsplit(".", 1)[-1].lower())
        if embed is None:
            embed = data is not None or url is None
        if not embed and url is None:
            raise ValueError("Image(embed=False) needs a url")
        self.embed = embed
        self.format = _IMAGE_EXTENSIONS.get(_str(format).lower(), _str(format).lower()) if format is not None else None
        self.width = width
        self.height = height
        self.retina = retina
        self.unconfined = unconfined
        self.alt = alt
        if embed:
            super().__init__(data=data, url=url, filename=filename, metadata=metadata)
        else:
            self.data, self.url, self.filename = None, url, None
            self.metadata = metadata or {}
        if self.format is None and _isinstance(self.data, (bytes, bytearray)):
            self.format = next((kind for signature, kind in _IMAGE_SIGNATURES if _bytes(self.data[: _len(signature)]) == signature), None)
            if self.format is None and self.data[:4] == b"RIFF" and self.data[8:12] == b"WEBP":
                self.format = "webp"
        if embed and self.format not in _IMAGE_MIME:
            raise ValueError(f"Image: cannot show format {self.format!r}; woma shows png, jpeg, gif and webp")

    def _check_data(self):
        if self.data is not None and not _isinstance(self.data, (bytes, bytearray)):
            raise TypeError(f"Image expects bytes, got {_type_label(self.data)}")

    def _image_metadata(self):
        md = {}
        if self.width:
            md["width"] = self.width
        if self.height:
            md["height"] = self.height
        if self.unconfined:
            md["unconfined"] = self.unconfined
        if self.alt:
            md["alt"] = self.alt
        if self.metadata:
            md.update(self.metadata)
        return md

    def _repr_mimebundle_(self, include=None, exclude=None):
        if not self.embed:
            size = "".join(f' {name}="{_html_module.escape(_str(value))}"' for name, value in (("width", self.width), ("height", self.height), ("alt", self.alt)) if value)
            return {"text/html": f'<img src="{_html_module.escape(self.url)}"{size}/>'}
        mime = _IMAGE_MIME[self.format]
        md = self._image_metadata()
        return ({mime: _bytes(self.data)}, {mime: md}) if md else {mime: _bytes(self.data)}

    def _repr_png_(self):
        if self.embed and self.format == "png":
            return self.data

    def _repr_jpeg_(self):
        if self.embed and self.format == "jpeg":
            return self.data


def publish_display_data(data, metadata=None, source=None, *, transient=None, **kwargs):
    """Shows a MIME bundle as it is (IPython's low-level display)."""
    display(data, raw=True, metadata=metadata, transient=transient, **kwargs)


def get_ipython():
    """None: there is no IPython shell in woma (libraries then take their plain path)."""
    return None


_IPYTHON_DISPLAY_NAMES = {
    "display": display,
    "update_display": update_display,
    "clear_output": clear_output,
    "DisplayHandle": DisplayHandle,
    "DisplayObject": DisplayObject,
    "TextDisplayObject": TextDisplayObject,
    "HTML": HTML,
    "Markdown": Markdown,
    "Latex": Latex,
    "Math": Math,
    "SVG": SVG,
    "JSON": JSON,
    "Javascript": Javascript,
    "Image": Image,
    "publish_display_data": publish_display_data,
}


def _install_ipython():
    """Puts `IPython`, `IPython.core` and their display modules into sys.modules (woma's own,
    never Pyodide's IPython package, which would need a shell woma does not run)."""
    from importlib.machinery import ModuleSpec

    def module(name, package, doc):
        made = _type(sys)(name, doc)
        made.__spec__ = ModuleSpec(name, None, is_package=package)
        if package:
            made.__path__ = []
        sys.modules[name] = made
        return made

    for cls in (DisplayHandle, DisplayObject, TextDisplayObject, HTML, Markdown, Latex, Math, SVG, JSON, Javascript, Image):
        cls.__module__ = "IPython.core.display"
    for function in (display, update_display, clear_output, publish_display_data):
        function.__module__ = "IPython.core.display_functions"
    get_ipython.__module__ = "IPython"
    display_module = module("IPython.display", False, "woma's IPython.display: display(), update_display(), clear_output() and HTML, Markdown, JSON, SVG, Image, Latex, Math, Javascript (as text).")
    display_module.__dict__.update(_IPYTHON_DISPLAY_NAMES)
    display_module.__all__ = sorted(_IPYTHON_DISPLAY_NAMES)
    for name in _IPYTHON_MODULES[1:]:
        sys.modules[name] = display_module
    core = module("IPython.core", True, "woma's IPython.core: only its display modules.")
    core.display = core.display_functions = display_module
    package = module("IPython", True, "woma's IPython: only IPython.display (there is no IPython shell in woma; get_ipython() is None).")
    package.display = display_module
    package.core = core
    package.get_ipython = get_ipython
