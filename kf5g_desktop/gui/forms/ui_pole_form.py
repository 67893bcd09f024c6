# generated from ui/pole_form.ui by scripts/compile_ui.sh — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pole_form.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog,
    QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_PoleForm(object):
    def setupUi(self, PoleForm):
        if not PoleForm.objectName():
            PoleForm.setObjectName(u"PoleForm")
        PoleForm.resize(900, 520)
        self.main = QVBoxLayout(PoleForm)
        self.main.setObjectName(u"main")
        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.col0 = QVBoxLayout()
        self.col0.setObjectName(u"col0")
        self.g_identity = QGroupBox(PoleForm)
        self.g_identity.setObjectName(u"g_identity")
        self.form_g_identity = QFormLayout(self.g_identity)
        self.form_g_identity.setObjectName(u"form_g_identity")
        self.form_g_identity.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.l_unit_code = QLabel(self.g_identity)
        self.l_unit_code.setObjectName(u"l_unit_code")

        self.form_g_identity.setWidget(0, QFormLayout.ItemRole.LabelRole, self.l_unit_code)

        self.f_unit_code = QComboBox(self.g_identity)
        self.f_unit_code.setObjectName(u"f_unit_code")

        self.form_g_identity.setWidget(0, QFormLayout.ItemRole.FieldRole, self.f_unit_code)

        self.l_pole_code = QLabel(self.g_identity)
        self.l_pole_code.setObjectName(u"l_pole_code")

        self.form_g_identity.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_pole_code)

        self.f_pole_code = QLineEdit(self.g_identity)
        self.f_pole_code.setObjectName(u"f_pole_code")

        self.form_g_identity.setWidget(1, QFormLayout.ItemRole.FieldRole, self.f_pole_code)

        self.l_name = QLabel(self.g_identity)
        self.l_name.setObjectName(u"l_name")

        self.form_g_identity.setWidget(2, QFormLayout.ItemRole.LabelRole, self.l_name)

        self.f_name = QLineEdit(self.g_identity)
        self.f_name.setObjectName(u"f_name")

        self.form_g_identity.setWidget(2, QFormLayout.ItemRole.FieldRole, self.f_name)

        self.l_sector = QLabel(self.g_identity)
        self.l_sector.setObjectName(u"l_sector")

        self.form_g_identity.setWidget(3, QFormLayout.ItemRole.LabelRole, self.l_sector)

        self.f_sector = QComboBox(self.g_identity)
        self.f_sector.setObjectName(u"f_sector")

        self.form_g_identity.setWidget(3, QFormLayout.ItemRole.FieldRole, self.f_sector)

        self.l_owner = QLabel(self.g_identity)
        self.l_owner.setObjectName(u"l_owner")

        self.form_g_identity.setWidget(4, QFormLayout.ItemRole.LabelRole, self.l_owner)

        self.f_owner = QLineEdit(self.g_identity)
        self.f_owner.setObjectName(u"f_owner")

        self.form_g_identity.setWidget(4, QFormLayout.ItemRole.FieldRole, self.f_owner)

        self.l_pole_type = QLabel(self.g_identity)
        self.l_pole_type.setObjectName(u"l_pole_type")

        self.form_g_identity.setWidget(5, QFormLayout.ItemRole.LabelRole, self.l_pole_type)

        self.f_pole_type = QComboBox(self.g_identity)
        self.f_pole_type.setObjectName(u"f_pole_type")

        self.form_g_identity.setWidget(5, QFormLayout.ItemRole.FieldRole, self.f_pole_type)

        self.l_smart = QLabel(self.g_identity)
        self.l_smart.setObjectName(u"l_smart")

        self.form_g_identity.setWidget(6, QFormLayout.ItemRole.LabelRole, self.l_smart)

        self.f_smart = QComboBox(self.g_identity)
        self.f_smart.setObjectName(u"f_smart")

        self.form_g_identity.setWidget(6, QFormLayout.ItemRole.FieldRole, self.f_smart)

        self.l_merged_count = QLabel(self.g_identity)
        self.l_merged_count.setObjectName(u"l_merged_count")

        self.form_g_identity.setWidget(7, QFormLayout.ItemRole.LabelRole, self.l_merged_count)

        self.f_merged_count = QLineEdit(self.g_identity)
        self.f_merged_count.setObjectName(u"f_merged_count")

        self.form_g_identity.setWidget(7, QFormLayout.ItemRole.FieldRole, self.f_merged_count)


        self.col0.addWidget(self.g_identity)

        self.vs_0 = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.col0.addItem(self.vs_0)


        self.columns.addLayout(self.col0)

        self.col1 = QVBoxLayout()
        self.col1.setObjectName(u"col1")
        self.g_place = QGroupBox(PoleForm)
        self.g_place.setObjectName(u"g_place")
        self.form_g_place = QFormLayout(self.g_place)
        self.form_g_place.setObjectName(u"form_g_place")
        self.form_g_place.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.l_township_code = QLabel(self.g_place)
        self.l_township_code.setObjectName(u"l_township_code")

        self.form_g_place.setWidget(0, QFormLayout.ItemRole.LabelRole, self.l_township_code)

        self.f_township_code = QComboBox(self.g_place)
        self.f_township_code.setObjectName(u"f_township_code")

        self.form_g_place.setWidget(0, QFormLayout.ItemRole.FieldRole, self.f_township_code)

        self.l_address = QLabel(self.g_place)
        self.l_address.setObjectName(u"l_address")

        self.form_g_place.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_address)

        self.f_address = QLineEdit(self.g_place)
        self.f_address.setObjectName(u"f_address")

        self.form_g_place.setWidget(1, QFormLayout.ItemRole.FieldRole, self.f_address)

        self.l_lon = QLabel(self.g_place)
        self.l_lon.setObjectName(u"l_lon")

        self.form_g_place.setWidget(2, QFormLayout.ItemRole.LabelRole, self.l_lon)

        self.f_lon = QLineEdit(self.g_place)
        self.f_lon.setObjectName(u"f_lon")

        self.form_g_place.setWidget(2, QFormLayout.ItemRole.FieldRole, self.f_lon)

        self.l_lat = QLabel(self.g_place)
        self.l_lat.setObjectName(u"l_lat")

        self.form_g_place.setWidget(3, QFormLayout.ItemRole.LabelRole, self.l_lat)

        self.f_lat = QLineEdit(self.g_place)
        self.f_lat.setObjectName(u"f_lat")

        self.form_g_place.setWidget(3, QFormLayout.ItemRole.FieldRole, self.f_lat)


        self.col1.addWidget(self.g_place)

        self.g_share = QGroupBox(PoleForm)
        self.g_share.setObjectName(u"g_share")
        self.form_g_share = QFormLayout(self.g_share)
        self.form_g_share.setObjectName(u"form_g_share")
        self.form_g_share.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.l_sharing_operators = QLabel(self.g_share)
        self.l_sharing_operators.setObjectName(u"l_sharing_operators")

        self.form_g_share.setWidget(0, QFormLayout.ItemRole.LabelRole, self.l_sharing_operators)

        self.f_sharing_operators = QWidget(self.g_share)
        self.f_sharing_operators.setObjectName(u"f_sharing_operators")
        self.lay_sharing_operators = QGridLayout(self.f_sharing_operators)
        self.lay_sharing_operators.setObjectName(u"lay_sharing_operators")
        self.lay_sharing_operators.setContentsMargins(0, 0, 0, 0)
        self.f_sharing_operators__CMCC = QCheckBox(self.f_sharing_operators)
        self.f_sharing_operators__CMCC.setObjectName(u"f_sharing_operators__CMCC")

        self.lay_sharing_operators.addWidget(self.f_sharing_operators__CMCC, 0, 0, 1, 1)

        self.f_sharing_operators__CUCC = QCheckBox(self.f_sharing_operators)
        self.f_sharing_operators__CUCC.setObjectName(u"f_sharing_operators__CUCC")

        self.lay_sharing_operators.addWidget(self.f_sharing_operators__CUCC, 0, 1, 1, 1)

        self.f_sharing_operators__CTCC = QCheckBox(self.f_sharing_operators)
        self.f_sharing_operators__CTCC.setObjectName(u"f_sharing_operators__CTCC")

        self.lay_sharing_operators.addWidget(self.f_sharing_operators__CTCC, 0, 2, 1, 1)

        self.f_sharing_operators__CBN = QCheckBox(self.f_sharing_operators)
        self.f_sharing_operators__CBN.setObjectName(u"f_sharing_operators__CBN")

        self.lay_sharing_operators.addWidget(self.f_sharing_operators__CBN, 1, 0, 1, 1)


        self.form_g_share.setWidget(0, QFormLayout.ItemRole.FieldRole, self.f_sharing_operators)

        self.l_shared_on = QLabel(self.g_share)
        self.l_shared_on.setObjectName(u"l_shared_on")

        self.form_g_share.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_shared_on)

        self.f_shared_on = QLineEdit(self.g_share)
        self.f_shared_on.setObjectName(u"f_shared_on")

        self.form_g_share.setWidget(1, QFormLayout.ItemRole.FieldRole, self.f_shared_on)

        self.l_agreement_no = QLabel(self.g_share)
        self.l_agreement_no.setObjectName(u"l_agreement_no")

        self.form_g_share.setWidget(2, QFormLayout.ItemRole.LabelRole, self.l_agreement_no)

        self.f_agreement_no = QLineEdit(self.g_share)
        self.f_agreement_no.setObjectName(u"f_agreement_no")

        self.form_g_share.setWidget(2, QFormLayout.ItemRole.FieldRole, self.f_agreement_no)

        self.l_station_count = QLabel(self.g_share)
        self.l_station_count.setObjectName(u"l_station_count")

        self.form_g_share.setWidget(3, QFormLayout.ItemRole.LabelRole, self.l_station_count)

        self.f_station_count = QLabel(self.g_share)
        self.f_station_count.setObjectName(u"f_station_count")

        self.form_g_share.setWidget(3, QFormLayout.ItemRole.FieldRole, self.f_station_count)


        self.col1.addWidget(self.g_share)

        self.vs_1 = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.col1.addItem(self.vs_1)


        self.columns.addLayout(self.col1)


        self.main.addLayout(self.columns)

        self.l_notes = QLabel(PoleForm)
        self.l_notes.setObjectName(u"l_notes")

        self.main.addWidget(self.l_notes)

        self.f_notes = QPlainTextEdit(PoleForm)
        self.f_notes.setObjectName(u"f_notes")
        self.f_notes.setTabChangesFocus(True)
        self.f_notes.setMaximumSize(QSize(16777215, 70))

        self.main.addWidget(self.f_notes)

        self.messages = QLabel(PoleForm)
        self.messages.setObjectName(u"messages")
        self.messages.setWordWrap(True)
        self.messages.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.main.addWidget(self.messages)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.b_history = QPushButton(PoleForm)
        self.b_history.setObjectName(u"b_history")
        self.b_history.setAutoDefault(False)

        self.buttons.addWidget(self.b_history)

        self.b_delete = QPushButton(PoleForm)
        self.b_delete.setObjectName(u"b_delete")
        self.b_delete.setAutoDefault(False)

        self.buttons.addWidget(self.b_delete)

        self.hs_buttons = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.hs_buttons)

        self.b_save_new = QPushButton(PoleForm)
        self.b_save_new.setObjectName(u"b_save_new")
        self.b_save_new.setAutoDefault(False)

        self.buttons.addWidget(self.b_save_new)

        self.b_save = QPushButton(PoleForm)
        self.b_save.setObjectName(u"b_save")
        self.b_save.setAutoDefault(False)

        self.buttons.addWidget(self.b_save)

        self.b_cancel = QPushButton(PoleForm)
        self.b_cancel.setObjectName(u"b_cancel")
        self.b_cancel.setAutoDefault(False)

        self.buttons.addWidget(self.b_cancel)


        self.main.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.l_unit_code.setBuddy(self.f_unit_code)
        self.l_pole_code.setBuddy(self.f_pole_code)
        self.l_name.setBuddy(self.f_name)
        self.l_sector.setBuddy(self.f_sector)
        self.l_owner.setBuddy(self.f_owner)
        self.l_pole_type.setBuddy(self.f_pole_type)
        self.l_smart.setBuddy(self.f_smart)
        self.l_merged_count.setBuddy(self.f_merged_count)
        self.l_township_code.setBuddy(self.f_township_code)
        self.l_address.setBuddy(self.f_address)
        self.l_lon.setBuddy(self.f_lon)
        self.l_lat.setBuddy(self.f_lat)
        self.l_sharing_operators.setBuddy(self.f_sharing_operators__CMCC)
        self.l_shared_on.setBuddy(self.f_shared_on)
        self.l_agreement_no.setBuddy(self.f_agreement_no)
        self.l_notes.setBuddy(self.f_notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.f_notes, self.f_unit_code)
        QWidget.setTabOrder(self.f_unit_code, self.f_pole_code)
        QWidget.setTabOrder(self.f_pole_code, self.f_name)
        QWidget.setTabOrder(self.f_name, self.f_sector)
        QWidget.setTabOrder(self.f_sector, self.f_owner)
        QWidget.setTabOrder(self.f_owner, self.f_pole_type)
        QWidget.setTabOrder(self.f_pole_type, self.f_smart)
        QWidget.setTabOrder(self.f_smart, self.f_merged_count)
        QWidget.setTabOrder(self.f_merged_count, self.f_township_code)
        QWidget.setTabOrder(self.f_township_code, self.f_address)
        QWidget.setTabOrder(self.f_address, self.f_lon)
        QWidget.setTabOrder(self.f_lon, self.f_lat)
        QWidget.setTabOrder(self.f_lat, self.f_sharing_operators__CMCC)
        QWidget.setTabOrder(self.f_sharing_operators__CMCC, self.f_sharing_operators__CUCC)
        QWidget.setTabOrder(self.f_sharing_operators__CUCC, self.f_sharing_operators__CTCC)
        QWidget.setTabOrder(self.f_sharing_operators__CTCC, self.f_sharing_operators__CBN)
        QWidget.setTabOrder(self.f_sharing_operators__CBN, self.f_shared_on)
        QWidget.setTabOrder(self.f_shared_on, self.f_agreement_no)
        QWidget.setTabOrder(self.f_agreement_no, self.b_history)
        QWidget.setTabOrder(self.b_history, self.b_delete)
        QWidget.setTabOrder(self.b_delete, self.b_save_new)
        QWidget.setTabOrder(self.b_save_new, self.b_save)
        QWidget.setTabOrder(self.b_save, self.b_cancel)

        self.retranslateUi(PoleForm)
    # setupUi

    def retranslateUi(self, PoleForm):
        PoleForm.setWindowTitle(QCoreApplication.translate("PoleForm", u"\u6746\u5854\u5171\u4eab", None))
        self.g_identity.setTitle(QCoreApplication.translate("PoleForm", u"\u57fa\u672c\u4fe1\u606f", None))
        self.l_unit_code.setText(QCoreApplication.translate("PoleForm", u"\u533a\u53bf", None))
        self.l_pole_code.setText(QCoreApplication.translate("PoleForm", u"\u6746\u5854\u7f16\u53f7", None))
        self.f_pole_code.setPlaceholderText(QCoreApplication.translate("PoleForm", u"\u7559\u7a7a\u5219\u81ea\u52a8\u7f16\u53f7", None))
        self.l_name.setText(QCoreApplication.translate("PoleForm", u"\u6746\u5854\u540d\u79f0", None))
        self.l_sector.setText(QCoreApplication.translate("PoleForm", u"\u6743\u5c5e\u884c\u4e1a", None))
        self.l_owner.setText(QCoreApplication.translate("PoleForm", u"\u6743\u5c5e\u5355\u4f4d", None))
        self.l_pole_type.setText(QCoreApplication.translate("PoleForm", u"\u6746\u5854\u7c7b\u578b", None))
        self.l_smart.setText(QCoreApplication.translate("PoleForm", u"\u667a\u80fd\u6746", None))
        self.l_merged_count.setText(QCoreApplication.translate("PoleForm", u"\u591a\u6746\u5408\u4e00\u6570", None))
        self.g_place.setTitle(QCoreApplication.translate("PoleForm", u"\u4f4d\u7f6e", None))
        self.l_township_code.setText(QCoreApplication.translate("PoleForm", u"\u4e61\u9547(\u8857\u9053)", None))
        self.l_address.setText(QCoreApplication.translate("PoleForm", u"\u8be6\u7ec6\u5730\u5740", None))
        self.l_lon.setText(QCoreApplication.translate("PoleForm", u"\u7ecf\u5ea6", None))
        self.f_lon.setPlaceholderText(QCoreApplication.translate("PoleForm", u"\u5341\u8fdb\u5236\u5ea6\uff0c\u5982 114.35", None))
        self.l_lat.setText(QCoreApplication.translate("PoleForm", u"\u7eac\u5ea6", None))
        self.f_lat.setPlaceholderText(QCoreApplication.translate("PoleForm", u"\u5341\u8fdb\u5236\u5ea6\uff0c\u5982 34.80", None))
        self.g_share.setTitle(QCoreApplication.translate("PoleForm", u"\u5171\u4eab\u60c5\u51b5", None))
        self.l_sharing_operators.setText(QCoreApplication.translate("PoleForm", u"\u5171\u4eab\u8fd0\u8425\u5546", None))
        self.f_sharing_operators__CMCC.setText(QCoreApplication.translate("PoleForm", u"\u4e2d\u56fd\u79fb\u52a8", None))
        self.f_sharing_operators__CUCC.setText(QCoreApplication.translate("PoleForm", u"\u4e2d\u56fd\u8054\u901a", None))
        self.f_sharing_operators__CTCC.setText(QCoreApplication.translate("PoleForm", u"\u4e2d\u56fd\u7535\u4fe1", None))
        self.f_sharing_operators__CBN.setText(QCoreApplication.translate("PoleForm", u"\u4e2d\u56fd\u5e7f\u7535", None))
        self.l_shared_on.setText(QCoreApplication.translate("PoleForm", u"\u5171\u4eab\u65e5\u671f", None))
        self.f_shared_on.setPlaceholderText(QCoreApplication.translate("PoleForm", u"\u5982 2021-02-01", None))
        self.l_agreement_no.setText(QCoreApplication.translate("PoleForm", u"\u534f\u8bae\u7f16\u53f7", None))
        self.l_station_count.setText(QCoreApplication.translate("PoleForm", u"\u6302\u8f7d\u57fa\u7ad9\u6570", None))
        self.f_station_count.setText("")
        self.l_notes.setText(QCoreApplication.translate("PoleForm", u"\u5907\u6ce8", None))
        self.messages.setText("")
        self.b_history.setText(QCoreApplication.translate("PoleForm", u"\u5386\u53f2\u2026", None))
        self.b_delete.setText(QCoreApplication.translate("PoleForm", u"\u5220\u9664", None))
        self.b_save_new.setText(QCoreApplication.translate("PoleForm", u"\u4fdd\u5b58\u5e76\u65b0\u5efa", None))
#if QT_CONFIG(tooltip)
        self.b_save_new.setToolTip(QCoreApplication.translate("PoleForm", u"\u4fdd\u5b58\u540e\u65b0\u5efa\u4e00\u6761\uff0c\u4fdd\u7559\u533a\u53bf\u3001\u4e61\u9547\u548c\u8fd0\u8425\u5546\uff08Ctrl+Shift+S\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.b_save.setText(QCoreApplication.translate("PoleForm", u"\u4fdd\u5b58", None))
#if QT_CONFIG(tooltip)
        self.b_save.setToolTip(QCoreApplication.translate("PoleForm", u"\u4fdd\u5b58\uff08Ctrl+S\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.b_cancel.setText(QCoreApplication.translate("PoleForm", u"\u5173\u95ed", None))
#if QT_CONFIG(tooltip)
        self.b_cancel.setToolTip(QCoreApplication.translate("PoleForm", u"\u5173\u95ed\uff08Esc\uff09", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

