"""The plugin object QGIS holds: menu entry, toolbar icon, Processing provider, dependency check."""
from __future__ import annotations

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsSettings, QgsTask
from qgis.PyQt import sip
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QMessageBox, QPushButton

from . import dependencies
from .backend_loader import load_backend
from .diagnostics import record_failure
from .i18n import remove_translator, tr
from .message_bar import push_with_details
from .provider import LOG_TAG, MoeMaeProvider, icon_path
from .qt_compat import QAction

MENU = "&MoE-MAE land cover"


def log(message: str, level=Qgis.MessageLevel.Info) -> None:
    QgsMessageLog.logMessage(message, LOG_TAG, level)


class DependencyInstallTask(QgsTask):
    """Runs pip with QGIS's Python in the background; Cancel in the task manager stops pip.

    With ``plan_only`` it installs nothing: it picks the PyTorch build for this machine
    (``self.wheels``, nvidia-smi may take a moment) and pip's dry run works out what it would
    download (``self.plan``), for the user to confirm first. The install then runs with the same
    interpreter and options (``python``, ``options``), so it downloads what was shown.
    """

    def __init__(self, on_done, plan_only: bool = False, python: str = "", proxy: str | None = None,
                 options: list | None = None):
        super().__init__(tr("MoE-MAE: working out what to download") if plan_only else
                         tr("MoE-MAE: installing PyTorch, scikit-learn and platformdirs"),
                         QgsTask.Flag.CanCancel)
        self.on_done = on_done
        self.plan_only = plan_only
        self.plan: list = []
        self.python = python  # the interpreter pip runs with, found and checked before the task starts
        self.proxy = proxy  # from QGIS's network settings, read on the main thread
        self.options = options or []
        self.wheels = None
        self.error: str | None = None

    def run(self):
        lines = 0

        def on_line(line: str) -> None:
            nonlocal lines
            lines += 1
            log(line)
            # pip prints no overall percentage; show movement so the task does not look stuck.
            self.setProgress(min(95.0, lines * 0.5))

        try:
            if self.plan_only:
                requirements = load_backend("paths").runtime_requirements()
                self.wheels = dependencies.torch_wheels()
                self.options = dependencies.pip_options(requirements, self.proxy, self.wheels)
                self.plan = dependencies.plan(on_line=on_line, is_cancelled=self.isCanceled,
                                              python=self.python, options=self.options)
            else:
                dependencies.install(on_line=on_line, is_cancelled=self.isCanceled, python=self.python,
                                     options=self.options)
        except Exception as exc:  # reported in finished(), on the main thread
            self.error = str(exc)
            return False
        return True

    def finished(self, result):
        self.on_done(result, self.error)


class MoeMaePlugin:
    def __init__(self, iface):
        self.iface = iface  # None inside qgis_process
        self.provider: MoeMaeProvider | None = None
        self.actions: list[QAction] = []
        self.install_task: DependencyInstallTask | None = None
        self.missing = []
        self.missing_item = None  # the message bar's "lacks torch" warning, cleared once installed
        self.dialog = None
        self.report_window = None
        self.click_dock = None

    # --- Processing (also called by qgis_process, which has no GUI) ---
    def initProcessing(self):  # noqa: N802 - QGIS's name
        if self.provider is None:
            self.provider = MoeMaeProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    # --- GUI ---
    def initGui(self):  # noqa: N802 - QGIS's name
        self.initProcessing()
        window = self.iface.mainWindow()
        main = QAction(QIcon(icon_path()), tr("MoE-MAE land cover…"), window)
        main.setObjectName("moemaeMainAction")
        main.setToolTip(tr("Classify a Landsat 8/9 layer into land cover with MoE-MAE"))
        main.triggered.connect(self.run)
        product = QAction(tr("Add Landsat product…"), window)
        product.setObjectName("moemaeAddProductAction")
        product.setToolTip(tr("Add a Landsat 8/9 Level-2 product as downloaded from USGS (its MTL file, .tar "
                              "or folder) as one natural-colour layer"))
        product.triggered.connect(self.add_product)
        check = QAction(tr("Check environment…"), window)
        check.setObjectName("moemaeCheckEnvironmentAction")
        check.triggered.connect(self.check_environment)
        clicks = QAction(tr("Click to map…"), window)
        clicks.setObjectName("moemaeClickToMapAction")
        clicks.setToolTip(tr("Find similar places and map your own classes by clicking on a scene"))
        clicks.triggered.connect(self.show_click_to_map)
        install = QAction(tr("Install missing Python packages…"), window)
        install.setObjectName("moemaeInstallAction")
        install.triggered.connect(self.offer_install)
        self.actions = [main, product, clicks, check, install]
        for action in self.actions:
            self.iface.addPluginToRasterMenu(tr(MENU), action)
        # The Plugins toolbar, which QGIS shows by default (its Raster toolbar it hides).
        self.iface.addToolBarIcon(main)
        self.check_dependencies()

    def unload(self):
        if self.install_task is not None:
            self.install_task.cancel()  # stops pip: nothing half-installed stays for the next load
            self.install_task = None
        if self.dialog is not None:
            self.dialog.cancel()  # a run in progress stops and leaves nothing
            self.dialog.close()
            self.dialog = None
        if self.report_window is not None:
            self.report_window.close()
            self.report_window = None
        if self.click_dock is not None:
            self.click_dock.shut()  # a build in progress stops; the map tool goes back
            self.iface.removeDockWidget(self.click_dock)
            self.click_dock.deleteLater()
            self.click_dock = None
        for action in self.actions:
            self.iface.removePluginRasterMenu(tr(MENU), action)
        if self.actions:
            self.iface.removeToolBarIcon(self.actions[0])
        self.actions = []
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        # The models kept loaded for warm runs (and a GPU's memory they hold) go with the plugin.
        load_backend("model_cache").release()
        remove_translator()

    # --- dependencies ---
    def check_dependencies(self) -> bool:
        """Say what is missing, in the message bar with an Install button; True when nothing is."""
        self.missing = dependencies.missing_modules()
        if not self.missing:
            return True
        text = dependencies.missing_message(self.missing)
        log(text, Qgis.MessageLevel.Warning)
        for status in self.missing:
            log(f"{status.package}: {status.error}", Qgis.MessageLevel.Warning)
        bar = self.iface.messageBar()
        widget = bar.createMessage(LOG_TAG, text)
        button = QPushButton(tr("Install…"), widget)
        button.setObjectName("moemaeInstallButton")
        button.clicked.connect(self.offer_install)
        widget.layout().addWidget(button)
        self.missing_item = bar.pushWidget(widget, Qgis.MessageLevel.Warning)
        return False

    def offer_install(self):
        """Find QGIS's own Python, then ask pip (in the background) what it would download."""
        if self.install_task is not None:
            self.iface.messageBar().pushInfo(LOG_TAG, tr("The installation is already running; see the task "
                                                         "manager."))
            return
        self.missing = dependencies.missing_modules()
        if not self.missing:
            self.iface.messageBar().pushSuccess(LOG_TAG, tr("All required Python packages are installed."))
            return
        try:
            python = dependencies.python_executable()  # refuse now, before pip runs, if it is not QGIS's
        except RuntimeError as exc:
            log(str(exc), Qgis.MessageLevel.Critical)
            QMessageBox.warning(self.iface.mainWindow(), tr("MoE-MAE: cannot install Python packages"),
                                str(exc))
            return
        proxy = dependencies.proxy_url(QgsSettings().value)
        self.install_task = DependencyInstallTask(self.plan_finished, plan_only=True, python=python,
                                                  proxy=proxy)
        QgsApplication.taskManager().addTask(self.install_task)
        self.iface.messageBar().pushInfo(LOG_TAG, tr("Asking pip what it would download…"))

    def plan_finished(self, ok: bool, error: str | None):
        """Tell the user what will be downloaded (packages, versions, sizes) and install on Yes."""
        task, self.install_task = self.install_task, None
        if task is None or task.isCanceled():  # unloaded, or cancelled in the task manager: say nothing
            return
        if not ok:
            log(error or "", Qgis.MessageLevel.Critical)
            QMessageBox.warning(self.iface.mainWindow(), tr("MoE-MAE: cannot install Python packages"),
                                f"{error}\n\n" + tr("To install them by hand:") + "\n"
                                + dependencies.manual_install_text(python=task.python, options=task.options))
            return
        answer = QMessageBox.question(self.iface.mainWindow(), tr("MoE-MAE: install Python packages"),
                                      self.plan_text(task))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.install_task = DependencyInstallTask(self.install_finished, python=task.python,
                                                  options=task.options)
        QgsApplication.taskManager().addTask(self.install_task)
        self.iface.messageBar().pushInfo(LOG_TAG, tr("Installing in the background; progress is in the task "
                                                     "manager and the MoE-MAE log."))

    def plan_text(self, task) -> str:
        """The question before installing: what is missing, what pip will download, how and with what."""
        text = (dependencies.missing_message(self.missing) + "\n\n"
                + tr("pip will download and install:") + "\n" + dependencies.describe_plan(task.plan) + "\n\n"
                + tr("with QGIS's Python, {}.").format(task.python))
        if task.wheels is not None and "--extra-index-url" in task.options:
            text += "\n" + tr("PyTorch: {}.").format(task.wheels.description)
        if task.proxy:
            text += "\n" + tr("Through QGIS's proxy, {}.").format(dependencies.redact(task.proxy))
        return text + "\n\n" + tr("Install now?")

    def install_finished(self, ok: bool, error: str | None):
        task, self.install_task = self.install_task, None
        if ok and not dependencies.missing_modules():
            self.clear_missing_warning()
            self.iface.messageBar().pushSuccess(LOG_TAG, tr("Python packages installed; MoE-MAE is ready."))
            return
        message = error or tr("the packages were installed but still cannot be imported; restart QGIS")
        by_hand = dependencies.manual_install_text(python=task.python if task else None,
                                                   options=task.options if task else [])
        log(f"{message}\n\n{by_hand}", Qgis.MessageLevel.Critical)
        record_failure(f"Installing Python packages failed: {message}")
        push_with_details(self.iface.messageBar(), LOG_TAG,
                          tr("Installation failed: {} (Details… says how to install by hand)")
                          .format(message.splitlines()[0]),
                          details=f"{message}\n\n" + tr("To install them by hand:") + f"\n{by_hand}")

    def clear_missing_warning(self):
        """Take down the "lacks torch" warning, unless the user has closed it already."""
        item, self.missing_item = self.missing_item, None
        if item is not None and not sip.isdeleted(item):
            self.iface.messageBar().popWidget(item)

    # --- actions ---
    def check_environment(self):
        """Raster › MoE-MAE land cover › Check environment…: the report at once, in its own window."""
        from .environment_report import show_environment_report

        if self.report_window is not None:
            self.report_window.close()  # one report window, with the latest check
        window = self.report_window = show_environment_report(self.iface.mainWindow())
        window.destroyed.connect(lambda *_: self.forget_report_window(window))

    def forget_report_window(self, window):
        if self.report_window is window:  # not a newer one: closing the old one deletes it later
            self.report_window = None

    def add_product(self):
        """Raster › MoE-MAE land cover › Add Landsat product…"""
        from qgis.core import QgsProcessingException, QgsProject

        from .product_layer import add_product_layer, choose_product

        path = choose_product(self.iface.mainWindow())
        if not path:
            return
        try:
            layer = add_product_layer(path, QgsProject.instance())
        except QgsProcessingException as exc:
            push_with_details(self.iface.messageBar(), LOG_TAG, tr("Cannot add the product: {}").format(exc))
            return
        self.iface.messageBar().pushSuccess(LOG_TAG, tr("Added {} in natural colour.").format(layer.name()))

    def run(self):
        if dependencies.missing_modules():
            self.offer_install()
            return
        from .dialog import ClassifyDialog

        if self.dialog is None:
            self.dialog = ClassifyDialog(self.iface)
        self.dialog.show()
        self.dialog.raise_()

    def show_click_to_map(self):
        """Raster › MoE-MAE land cover › Click to map…: the dock panel, beside the map."""
        if dependencies.missing_modules():
            self.offer_install()
            return
        from qgis.PyQt.QtCore import Qt

        from .click_to_map import ClickToMapDock

        if self.click_dock is None:
            self.click_dock = ClickToMapDock(self.iface)
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.click_dock)
        self.click_dock.show()
        self.click_dock.raise_()
