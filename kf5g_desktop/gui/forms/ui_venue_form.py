# generated from ui/venue_form.ui by scripts/compile_ui.sh — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'venue_form.ui'
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

class Ui_VenueForm(object):
    def setupUi(self, VenueForm):
        if not VenueForm.objectName():
            VenueForm.setObjectName(u"VenueForm")
        VenueForm.resize(900, 560)
        self.main = QVBoxLayout(VenueForm)
        self.main.setObjectName(u"main")
        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.col0 = QVBoxLayout()
        self.col0.setObjectName(u"col0")
        self.g_identity = QGroupBox(VenueForm)
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

        self.l_venue_code = QLabel(self.g_identity)
        self.l_venue_code.setObjectName(u"l_venue_code")

        self.form_g_identity.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_venue_code)

        self.f_venue_code = QLineEdit(self.g_identity)
        self.f_venue_code.setObjectName(u"f_venue_code")

        self.form_g_identity.setWidget(1, QFormLayout.ItemRole.FieldRole, self.f_venue_code)

        self.l_name = QLabel(self.g_identity)
        self.l_name.setObjectName(u"l_name")

        self.form_g_identity.setWidget(2, QFormLayout.ItemRole.LabelRole, self.l_name)

        self.f_name = QLineEdit(self.g_identity)
        self.f_name.setObjectName(u"f_name")

        self.form_g_identity.setWidget(2, QFormLayout.ItemRole.FieldRole, self.f_name)

        self.l_category = QLabel(self.g_identity)
        self.l_category.setObjectName(u"l_category")

        self.form_g_identity.setWidget(3, QFormLayout.ItemRole.LabelRole, self.l_category)

        self.f_category = QComboBox(self.g_identity)
        self.f_category.setObjectName(u"f_category")

        self.form_g_identity.setWidget(3, QFormLayout.ItemRole.FieldRole, self.f_category)

        self.l_owner = QLabel(self.g_identity)
        self.l_owner.setObjectName(u"l_owner")

        self.form_g_identity.setWidget(4, QFormLayout.ItemRole.LabelRole, self.l_owner)

        self.f_owner = QLineEdit(self.g_identity)
        self.f_owner.setObjectName(u"f_owner")

        self.form_g_identity.setWidget(4, QFormLayout.ItemRole.FieldRole, self.f_owner)


        self.col0.addWidget(self.g_identity)

        self.g_place = QGroupBox(VenueForm)
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


        self.col0.addWidget(self.g_place)

        self.vs_0 = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.col0.addItem(self.vs_0)


        self.columns.addLayout(self.col0)

        self.col1 = QVBoxLayout()
        self.col1.setObjectName(u"col1")
        self.g_open = QGroupBox(VenueForm)
        self.g_open.setObjectName(u"g_open")
        self.form_g_open = QFormLayout(self.g_open)
        self.form_g_open.setObjectName(u"form_g_open")
        self.form_g_open.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.l_resources = QLabel(self.g_open)
        self.l_resources.setObjectName(u"l_resources")

        self.form_g_open.setWidget(0, QFormLayout.ItemRole.LabelRole, self.l_resources)

        self.f_resources = QWidget(self.g_open)
        self.f_resources.setObjectName(u"f_resources")
        self.lay_resources = QGridLayout(self.f_resources)
        self.lay_resources.setObjectName(u"lay_resources")
        self.lay_resources.setContentsMargins(0, 0, 0, 0)
        self.f_resources__rooftop = QCheckBox(self.f_resources)
        self.f_resources__rooftop.setObjectName(u"f_resources__rooftop")

        self.lay_resources.addWidget(self.f_resources__rooftop, 0, 0, 1, 1)

        self.f_resources__pole = QCheckBox(self.f_resources)
        self.f_resources__pole.setObjectName(u"f_resources__pole")

        self.lay_resources.addWidget(self.f_resources__pole, 0, 1, 1, 1)

        self.f_resources__room = QCheckBox(self.f_resources)
        self.f_resources__room.setObjectName(u"f_resources__room")

        self.lay_resources.addWidget(self.f_resources__room, 0, 2, 1, 1)

        self.f_resources__duct = QCheckBox(self.f_resources)
        self.f_resources__duct.setObjectName(u"f_resources__duct")

        self.lay_resources.addWidget(self.f_resources__duct, 1, 0, 1, 1)

        self.f_resources__power = QCheckBox(self.f_resources)
        self.f_resources__power.setObjectName(u"f_resources__power")

        self.lay_resources.addWidget(self.f_resources__power, 1, 1, 1, 1)

        self.f_resources__indoor_space = QCheckBox(self.f_resources)
        self.f_resources__indoor_space.setObjectName(u"f_resources__indoor_space")

        self.lay_resources.addWidget(self.f_resources__indoor_space, 1, 2, 1, 1)


        self.form_g_open.setWidget(0, QFormLayout.ItemRole.FieldRole, self.f_resources)

        self.l_opened_on = QLabel(self.g_open)
        self.l_opened_on.setObjectName(u"l_opened_on")

        self.form_g_open.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_opened_on)

        self.f_opened_on = QLineEdit(self.g_open)
        self.f_opened_on.setObjectName(u"f_opened_on")

        self.form_g_open.setWidget(1, QFormLayout.ItemRole.FieldRole, self.f_opened_on)

        self.l_free = QLabel(self.g_open)
        self.l_free.setObjectName(u"l_free")

        self.form_g_open.setWidget(2, QFormLayout.ItemRole.LabelRole, self.l_free)

        self.f_free = QComboBox(self.g_open)
        self.f_free.setObjectName(u"f_free")

        self.form_g_open.setWidget(2, QFormLayout.ItemRole.FieldRole, self.f_free)

        self.l_not_free_reason = QLabel(self.g_open)
        self.l_not_free_reason.setObjectName(u"l_not_free_reason")

        self.form_g_open.setWidget(3, QFormLayout.ItemRole.LabelRole, self.l_not_free_reason)

        self.f_not_free_reason = QLineEdit(self.g_open)
        self.f_not_free_reason.setObjectName(u"f_not_free_reason")

        self.form_g_open.setWidget(3, QFormLayout.ItemRole.FieldRole, self.f_not_free_reason)

        self.l_operators_entered = QLabel(self.g_open)
        self.l_operators_entered.setObjectName(u"l_operators_entered")

        self.form_g_open.setWidget(4, QFormLayout.ItemRole.LabelRole, self.l_operators_entered)

        self.f_operators_entered = QWidget(self.g_open)
        self.f_operators_entered.setObjectName(u"f_operators_entered")
        self.lay_operators_entered = QGridLayout(self.f_operators_entered)
        self.lay_operators_entered.setObjectName(u"lay_operators_entered")
        self.lay_operators_entered.setContentsMargins(0, 0, 0, 0)
        self.f_operators_entered__CMCC = QCheckBox(self.f_operators_entered)
        self.f_operators_entered__CMCC.setObjectName(u"f_operators_entered__CMCC")

        self.lay_operators_entered.addWidget(self.f_operators_entered__CMCC, 0, 0, 1, 1)

        self.f_operators_entered__CUCC = QCheckBox(self.f_operators_entered)
        self.f_operators_entered__CUCC.setObjectName(u"f_operators_entered__CUCC")

        self.lay_operators_entered.addWidget(self.f_operators_entered__CUCC, 0, 1, 1, 1)

        self.f_operators_entered__CTCC = QCheckBox(self.f_operators_entered)
        self.f_operators_entered__CTCC.setObjectName(u"f_operators_entered__CTCC")

        self.lay_operators_entered.addWidget(self.f_operators_entered__CTCC, 0, 2, 1, 1)

        self.f_operators_entered__CBN = QCheckBox(self.f_operators_entered)
        self.f_operators_entered__CBN.setObjectName(u"f_operators_entered__CBN")

        self.lay_operators_entered.addWidget(self.f_operators_entered__CBN, 1, 0, 1, 1)


        self.form_g_open.setWidget(4, QFormLayout.ItemRole.FieldRole, self.f_operators_entered)

        self.l_station_count = QLabel(self.g_open)
        self.l_station_count.setObjectName(u"l_station_count")

        self.form_g_open.setWidget(5, QFormLayout.ItemRole.LabelRole, self.l_station_count)

        self.f_station_count = QLabel(self.g_open)
        self.f_station_count.setObjectName(u"f_station_count")

        self.form_g_open.setWidget(5, QFormLayout.ItemRole.FieldRole, self.f_station_count)


        self.col1.addWidget(self.g_open)

        self.g_contact = QGroupBox(VenueForm)
        self.g_contact.setObjectName(u"g_contact")
        self.form_g_contact = QFormLayout(self.g_contact)
        self.form_g_contact.setObjectName(u"form_g_contact")
        self.form_g_contact.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.l_contact = QLabel(self.g_contact)
        self.l_contact.setObjectName(u"l_contact")

        self.form_g_contact.setWidget(0, QFormLayout.ItemRole.LabelRole, self.l_contact)

        self.f_contact = QLineEdit(self.g_contact)
        self.f_contact.setObjectName(u"f_contact")

        self.form_g_contact.setWidget(0, QFormLayout.ItemRole.FieldRole, self.f_contact)

        self.l_phone = QLabel(self.g_contact)
        self.l_phone.setObjectName(u"l_phone")

        self.form_g_contact.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_phone)

        self.f_phone = QLineEdit(self.g_contact)
        self.f_phone.setObjectName(u"f_phone")

        self.form_g_contact.setWidget(1, QFormLayout.ItemRole.FieldRole, self.f_phone)


        self.col1.addWidget(self.g_contact)

        self.vs_1 = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.col1.addItem(self.vs_1)


        self.columns.addLayout(self.col1)


        self.main.addLayout(self.columns)

        self.l_notes = QLabel(VenueForm)
        self.l_notes.setObjectName(u"l_notes")

        self.main.addWidget(self.l_notes)

        self.f_notes = QPlainTextEdit(VenueForm)
        self.f_notes.setObjectName(u"f_notes")
        self.f_notes.setTabChangesFocus(True)
        self.f_notes.setMaximumSize(QSize(16777215, 70))

        self.main.addWidget(self.f_notes)

        self.messages = QLabel(VenueForm)
        self.messages.setObjectName(u"messages")
        self.messages.setWordWrap(True)
        self.messages.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.main.addWidget(self.messages)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.b_history = QPushButton(VenueForm)
        self.b_history.setObjectName(u"b_history")
        self.b_history.setAutoDefault(False)

        self.buttons.addWidget(self.b_history)

        self.b_delete = QPushButton(VenueForm)
        self.b_delete.setObjectName(u"b_delete")
        self.b_delete.setAutoDefault(False)

        self.buttons.addWidget(self.b_delete)

        self.hs_buttons = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.hs_buttons)

        self.b_save_new = QPushButton(VenueForm)
        self.b_save_new.setObjectName(u"b_save_new")
        self.b_save_new.setAutoDefault(False)

        self.buttons.addWidget(self.b_save_new)

        self.b_save = QPushButton(VenueForm)
        self.b_save.setObjectName(u"b_save")
        self.b_save.setAutoDefault(False)

        self.buttons.addWidget(self.b_save)

        self.b_cancel = QPushButton(VenueForm)
        self.b_cancel.setObjectName(u"b_cancel")
        self.b_cancel.setAutoDefault(False)

        self.buttons.addWidget(self.b_cancel)


        self.main.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.l_unit_code.setBuddy(self.f_unit_code)
        self.l_venue_code.setBuddy(self.f_venue_code)
        self.l_name.setBuddy(self.f_name)
        self.l_category.setBuddy(self.f_category)
        self.l_owner.setBuddy(self.f_owner)
        self.l_township_code.setBuddy(self.f_township_code)
        self.l_address.setBuddy(self.f_address)
        self.l_lon.setBuddy(self.f_lon)
        self.l_lat.setBuddy(self.f_lat)
        self.l_resources.setBuddy(self.f_resources__rooftop)
        self.l_opened_on.setBuddy(self.f_opened_on)
        self.l_free.setBuddy(self.f_free)
        self.l_not_free_reason.setBuddy(self.f_not_free_reason)
        self.l_operators_entered.setBuddy(self.f_operators_entered__CMCC)
        self.l_contact.setBuddy(self.f_contact)
        self.l_phone.setBuddy(self.f_phone)
        self.l_notes.setBuddy(self.f_notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.f_notes, self.f_unit_code)
        QWidget.setTabOrder(self.f_unit_code, self.f_venue_code)
        QWidget.setTabOrder(self.f_venue_code, self.f_name)
        QWidget.setTabOrder(self.f_name, self.f_category)
        QWidget.setTabOrder(self.f_category, self.f_owner)
        QWidget.setTabOrder(self.f_owner, self.f_township_code)
        QWidget.setTabOrder(self.f_township_code, self.f_address)
        QWidget.setTabOrder(self.f_address, self.f_lon)
        QWidget.setTabOrder(self.f_lon, self.f_lat)
        QWidget.setTabOrder(self.f_lat, self.f_resources__rooftop)
        QWidget.setTabOrder(self.f_resources__rooftop, self.f_resources__pole)
        QWidget.setTabOrder(self.f_resources__pole, self.f_resources__room)
        QWidget.setTabOrder(self.f_resources__room, self.f_resources__duct)
        QWidget.setTabOrder(self.f_resources__duct, self.f_resources__power)
        QWidget.setTabOrder(self.f_resources__power, self.f_resources__indoor_space)
        QWidget.setTabOrder(self.f_resources__indoor_space, self.f_opened_on)
        QWidget.setTabOrder(self.f_opened_on, self.f_free)
        QWidget.setTabOrder(self.f_free, self.f_not_free_reason)
        QWidget.setTabOrder(self.f_not_free_reason, self.f_operators_entered__CMCC)
        QWidget.setTabOrder(self.f_operators_entered__CMCC, self.f_operators_entered__CUCC)
        QWidget.setTabOrder(self.f_operators_entered__CUCC, self.f_operators_entered__CTCC)
        QWidget.setTabOrder(self.f_operators_entered__CTCC, self.f_operators_entered__CBN)
        QWidget.setTabOrder(self.f_operators_entered__CBN, self.f_contact)
        QWidget.setTabOrder(self.f_contact, self.f_phone)
        QWidget.setTabOrder(self.f_phone, self.b_history)
        QWidget.setTabOrder(self.b_history, self.b_delete)
        QWidget.setTabOrder(self.b_delete, self.b_save_new)
        QWidget.setTabOrder(self.b_save_new, self.b_save)
        QWidget.setTabOrder(self.b_save, self.b_cancel)

        self.retranslateUi(VenueForm)
    # setupUi

    def retranslateUi(self, VenueForm):
        VenueForm.setWindowTitle(QCoreApplication.translate("VenueForm", u"\u514d\u8d39\u5f00\u653e\u573a\u6240", None))
        self.g_identity.setTitle(QCoreApplication.translate("VenueForm", u"\u57fa\u672c\u4fe1\u606f", None))
        self.l_unit_code.setText(QCoreApplication.translate("VenueForm", u"\u533a\u53bf", None))
        self.l_venue_code.setText(QCoreApplication.translate("VenueForm", u"\u573a\u6240\u7f16\u53f7", None))
        self.f_venue_code.setPlaceholderText(QCoreApplication.translate("VenueForm", u"\u7559\u7a7a\u5219\u81ea\u52a8\u7f16\u53f7", None))
        self.l_name.setText(QCoreApplication.translate("VenueForm", u"\u573a\u6240\u540d\u79f0", None))
        self.l_category.setText(QCoreApplication.translate("VenueForm", u"\u573a\u6240\u7c7b\u522b", None))
        self.l_owner.setText(QCoreApplication.translate("VenueForm", u"\u4ea7\u6743\u5355\u4f4d", None))
        self.g_place.setTitle(QCoreApplication.translate("VenueForm", u"\u4f4d\u7f6e", None))
        self.l_township_code.setText(QCoreApplication.translate("VenueForm", u"\u4e61\u9547(\u8857\u9053)", None))
        self.l_address.setText(QCoreApplication.translate("VenueForm", u"\u8be6\u7ec6\u5730\u5740", None))
        self.l_lon.setText(QCoreApplication.translate("VenueForm", u"\u7ecf\u5ea6", None))
        self.f_lon.setPlaceholderText(QCoreApplication.translate("VenueForm", u"\u5341\u8fdb\u5236\u5ea6\uff0c\u5982 114.35", None))
        self.l_lat.setText(QCoreApplication.translate("VenueForm", u"\u7eac\u5ea6", None))
        self.f_lat.setPlaceholderText(QCoreApplication.translate("VenueForm", u"\u5341\u8fdb\u5236\u5ea6\uff0c\u5982 34.80", None))
        self.g_open.setTitle(QCoreApplication.translate("VenueForm", u"\u5f00\u653e\u60c5\u51b5", None))
        self.l_resources.setText(QCoreApplication.translate("VenueForm", u"\u5f00\u653e\u8d44\u6e90", None))
        self.f_resources__rooftop.setText(QCoreApplication.translate("VenueForm", u"\u697c\u9876", None))
        self.f_resources__pole.setText(QCoreApplication.translate("VenueForm", u"\u6746\u5854", None))
        self.f_resources__room.setText(QCoreApplication.translate("VenueForm", u"\u673a\u623f", None))
        self.f_resources__duct.setText(QCoreApplication.translate("VenueForm", u"\u7ba1\u9053", None))
        self.f_resources__power.setText(QCoreApplication.translate("VenueForm", u"\u7535\u529b\u914d\u5957", None))
        self.f_resources__indoor_space.setText(QCoreApplication.translate("VenueForm", u"\u5ba4\u5185\u5206\u5e03\u7a7a\u95f4", None))
        self.l_opened_on.setText(QCoreApplication.translate("VenueForm", u"\u5f00\u653e\u65e5\u671f", None))
        self.f_opened_on.setPlaceholderText(QCoreApplication.translate("VenueForm", u"\u5982 2021-02-01", None))
        self.l_free.setText(QCoreApplication.translate("VenueForm", u"\u662f\u5426\u514d\u8d39", None))
        self.l_not_free_reason.setText(QCoreApplication.translate("VenueForm", u"\u4e0d\u514d\u8d39\u539f\u56e0", None))
        self.l_operators_entered.setText(QCoreApplication.translate("VenueForm", u"\u5df2\u8fdb\u573a\u8fd0\u8425\u5546", None))
        self.f_operators_entered__CMCC.setText(QCoreApplication.translate("VenueForm", u"\u4e2d\u56fd\u79fb\u52a8", None))
        self.f_operators_entered__CUCC.setText(QCoreApplication.translate("VenueForm", u"\u4e2d\u56fd\u8054\u901a", None))
        self.f_operators_entered__CTCC.setText(QCoreApplication.translate("VenueForm", u"\u4e2d\u56fd\u7535\u4fe1", None))
        self.f_operators_entered__CBN.setText(QCoreApplication.translate("VenueForm", u"\u4e2d\u56fd\u5e7f\u7535", None))
        self.l_station_count.setText(QCoreApplication.translate("VenueForm", u"\u4f9d\u6258\u57fa\u7ad9\u6570", None))
        self.f_station_count.setText("")
        self.g_contact.setTitle(QCoreApplication.translate("VenueForm", u"\u8054\u7cfb\u4eba", None))
        self.l_contact.setText(QCoreApplication.translate("VenueForm", u"\u8054\u7cfb\u4eba", None))
        self.l_phone.setText(QCoreApplication.translate("VenueForm", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.f_phone.setPlaceholderText(QCoreApplication.translate("VenueForm", u"\u6570\u5b57\u548c\u8fde\u5b57\u7b26\uff0c\u5982 0371-12345678", None))
        self.l_notes.setText(QCoreApplication.translate("VenueForm", u"\u5907\u6ce8", None))
        self.messages.setText("")
        self.b_history.setText(QCoreApplication.translate("VenueForm", u"\u5386\u53f2\u2026", None))
        self.b_delete.setText(QCoreApplication.translate("VenueForm", u"\u5220\u9664", None))
        self.b_save_new.setText(QCoreApplication.translate("VenueForm", u"\u4fdd\u5b58\u5e76\u65b0\u5efa", None))
#if QT_CONFIG(tooltip)
        self.b_save_new.setToolTip(QCoreApplication.translate("VenueForm", u"\u4fdd\u5b58\u540e\u65b0\u5efa\u4e00\u6761\uff0c\u4fdd\u7559\u533a\u53bf\u3001\u4e61\u9547\u548c\u8fd0\u8425\u5546\uff08Ctrl+Shift+S\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.b_save.setText(QCoreApplication.translate("VenueForm", u"\u4fdd\u5b58", None))
#if QT_CONFIG(tooltip)
        self.b_save.setToolTip(QCoreApplication.translate("VenueForm", u"\u4fdd\u5b58\uff08Ctrl+S\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.b_cancel.setText(QCoreApplication.translate("VenueForm", u"\u5173\u95ed", None))
#if QT_CONFIG(tooltip)
        self.b_cancel.setToolTip(QCoreApplication.translate("VenueForm", u"\u5173\u95ed\uff08Esc\uff09", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

