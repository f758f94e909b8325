"""Widgets, dialogs and wizards. Synchronous; they talk to services and read models only."""

from desktop.views.crash_dialog import CrashDialog
from desktop.views.login import DemoLogin, LoginWindow
from desktop.views.main_window import MainWindow
from desktop.views.password_reset import PasswordResetWizard

__all__ = ["CrashDialog", "DemoLogin", "LoginWindow", "MainWindow", "PasswordResetWizard"]
