# generated from ui/station_form.ui by scripts/compile_ui.sh — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'station_form.ui'
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
    QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QToolButton, QVBoxLayout, QWidget)

class Ui_StationForm(object):
    def setupUi(self, StationForm):
        if not StationForm.objectName():
            StationForm.setObjectName(u"StationForm")
        StationForm.resize(1180, 700)
        self.main = QVBoxLayout(StationForm)
        self.main.setObjectName(u"main")
        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.col0 = QVBoxLayout()
        self.col0.setObjectName(u"col0")
        self.g_identity = QGroupBox(StationForm)
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

        self.l_station_code = QLabel(self.g_identity)
        self.l_station_code.setObjectName(u"l_station_code")

        self.form_g_identity.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_station_code)

        self.f_station_code = QLineEdit(self.g_identity)
        self.f_station_code.setObjectName(u"f_station_code")

        self.form_g_identity.setWidget(1, QFormLayout.ItemRole.FieldRole, self.f_station_code)

        self.l_operator = QLabel(self.g_identity)
        self.l_operator.setObjectName(u"l_operator")

        self.form_g_identity.setWidget(2, QFormLayout.ItemRole.LabelRole, self.l_operator)

        self.f_operator = QComboBox(self.g_identity)
        self.f_operator.setObjectName(u"f_operator")

        self.form_g_identity.setWidget(2, QFormLayout.ItemRole.FieldRole, self.f_operator)

        self.l_name = QLabel(self.g_identity)
        self.l_name.setObjectName(u"l_name")

        self.form_g_identity.setWidget(3, QFormLayout.ItemRole.LabelRole, self.l_name)

        self.f_name = QLineEdit(self.g_identity)
        self.f_name.setObjectName(u"f_name")

        self.form_g_identity.setWidget(3, QFormLayout.ItemRole.FieldRole, self.f_name)

        self.l_tower_site_code = QLabel(self.g_identity)
        self.l_tower_site_code.setObjectName(u"l_tower_site_code")

        self.form_g_identity.setWidget(4, QFormLayout.ItemRole.LabelRole, self.l_tower_site_code)

        self.f_tower_site_code = QLineEdit(self.g_identity)
        self.f_tower_site_code.setObjectName(u"f_tower_site_code")

        self.form_g_identity.setWidget(4, QFormLayout.ItemRole.FieldRole, self.f_tower_site_code)

        self.l_sharing_operators = QLabel(self.g_identity)
        self.l_sharing_operators.setObjectName(u"l_sharing_operators")

        self.form_g_identity.setWidget(5, QFormLayout.ItemRole.LabelRole, self.l_sharing_operators)

        self.f_sharing_operators = QWidget(self.g_identity)
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


        self.form_g_identity.setWidget(5, QFormLayout.ItemRole.FieldRole, self.f_sharing_operators)


        self.col0.addWidget(self.g_identity)

        self.g_place = QGroupBox(StationForm)
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
        self.g_kind = QGroupBox(StationForm)
        self.g_kind.setObjectName(u"g_kind")
        self.form_g_kind = QFormLayout(self.g_kind)
        self.form_g_kind.setObjectName(u"form_g_kind")
        self.form_g_kind.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.l_station_type = QLabel(self.g_kind)
        self.l_station_type.setObjectName(u"l_station_type")

        self.form_g_kind.setWidget(0, QFormLayout.ItemRole.LabelRole, self.l_station_type)

        self.f_station_type = QComboBox(self.g_kind)
        self.f_station_type.setObjectName(u"f_station_type")

        self.form_g_kind.setWidget(0, QFormLayout.ItemRole.FieldRole, self.f_station_type)

        self.l_network_mode = QLabel(self.g_kind)
        self.l_network_mode.setObjectName(u"l_network_mode")

        self.form_g_kind.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_network_mode)

        self.f_network_mode = QComboBox(self.g_kind)
        self.f_network_mode.setObjectName(u"f_network_mode")

        self.form_g_kind.setWidget(1, QFormLayout.ItemRole.FieldRole, self.f_network_mode)

        self.l_build_mode = QLabel(self.g_kind)
        self.l_build_mode.setObjectName(u"l_build_mode")

        self.form_g_kind.setWidget(2, QFormLayout.ItemRole.LabelRole, self.l_build_mode)

        self.f_build_mode = QComboBox(self.g_kind)
        self.f_build_mode.setObjectName(u"f_build_mode")

        self.form_g_kind.setWidget(2, QFormLayout.ItemRole.FieldRole, self.f_build_mode)

        self.l_scene = QLabel(self.g_kind)
        self.l_scene.setObjectName(u"l_scene")

        self.form_g_kind.setWidget(3, QFormLayout.ItemRole.LabelRole, self.l_scene)

        self.f_scene = QComboBox(self.g_kind)
        self.f_scene.setObjectName(u"f_scene")

        self.form_g_kind.setWidget(3, QFormLayout.ItemRole.FieldRole, self.f_scene)

        self.l_mast_type = QLabel(self.g_kind)
        self.l_mast_type.setObjectName(u"l_mast_type")

        self.form_g_kind.setWidget(4, QFormLayout.ItemRole.LabelRole, self.l_mast_type)

        self.f_mast_type = QComboBox(self.g_kind)
        self.f_mast_type.setObjectName(u"f_mast_type")

        self.form_g_kind.setWidget(4, QFormLayout.ItemRole.FieldRole, self.f_mast_type)

        self.l_in_plan = QLabel(self.g_kind)
        self.l_in_plan.setObjectName(u"l_in_plan")

        self.form_g_kind.setWidget(5, QFormLayout.ItemRole.LabelRole, self.l_in_plan)

        self.f_in_plan = QComboBox(self.g_kind)
        self.f_in_plan.setObjectName(u"f_in_plan")

        self.form_g_kind.setWidget(5, QFormLayout.ItemRole.FieldRole, self.f_in_plan)

        self.l_in_land_plan = QLabel(self.g_kind)
        self.l_in_land_plan.setObjectName(u"l_in_land_plan")

        self.form_g_kind.setWidget(6, QFormLayout.ItemRole.LabelRole, self.l_in_land_plan)

        self.f_in_land_plan = QComboBox(self.g_kind)
        self.f_in_land_plan.setObjectName(u"f_in_land_plan")

        self.form_g_kind.setWidget(6, QFormLayout.ItemRole.FieldRole, self.f_in_land_plan)


        self.col1.addWidget(self.g_kind)

        self.g_links = QGroupBox(StationForm)
        self.g_links.setObjectName(u"g_links")
        self.form_g_links = QFormLayout(self.g_links)
        self.form_g_links.setObjectName(u"form_g_links")
        self.form_g_links.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.l_venue_id = QLabel(self.g_links)
        self.l_venue_id.setObjectName(u"l_venue_id")

        self.form_g_links.setWidget(0, QFormLayout.ItemRole.LabelRole, self.l_venue_id)

        self.box_venue_id = QWidget(self.g_links)
        self.box_venue_id.setObjectName(u"box_venue_id")
        self.lay_venue_id = QHBoxLayout(self.box_venue_id)
        self.lay_venue_id.setObjectName(u"lay_venue_id")
        self.lay_venue_id.setContentsMargins(0, 0, 0, 0)
        self.f_venue_id = QLineEdit(self.box_venue_id)
        self.f_venue_id.setObjectName(u"f_venue_id")
        self.f_venue_id.setReadOnly(True)

        self.lay_venue_id.addWidget(self.f_venue_id)

        self.b_venue_id_pick = QToolButton(self.box_venue_id)
        self.b_venue_id_pick.setObjectName(u"b_venue_id_pick")

        self.lay_venue_id.addWidget(self.b_venue_id_pick)

        self.b_venue_id_clear = QToolButton(self.box_venue_id)
        self.b_venue_id_clear.setObjectName(u"b_venue_id_clear")

        self.lay_venue_id.addWidget(self.b_venue_id_clear)


        self.form_g_links.setWidget(0, QFormLayout.ItemRole.FieldRole, self.box_venue_id)

        self.l_pole_id = QLabel(self.g_links)
        self.l_pole_id.setObjectName(u"l_pole_id")

        self.form_g_links.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_pole_id)

        self.box_pole_id = QWidget(self.g_links)
        self.box_pole_id.setObjectName(u"box_pole_id")
        self.lay_pole_id = QHBoxLayout(self.box_pole_id)
        self.lay_pole_id.setObjectName(u"lay_pole_id")
        self.lay_pole_id.setContentsMargins(0, 0, 0, 0)
        self.f_pole_id = QLineEdit(self.box_pole_id)
        self.f_pole_id.setObjectName(u"f_pole_id")
        self.f_pole_id.setReadOnly(True)

        self.lay_pole_id.addWidget(self.f_pole_id)

        self.b_pole_id_pick = QToolButton(self.box_pole_id)
        self.b_pole_id_pick.setObjectName(u"b_pole_id_pick")

        self.lay_pole_id.addWidget(self.b_pole_id_pick)

        self.b_pole_id_clear = QToolButton(self.box_pole_id)
        self.b_pole_id_clear.setObjectName(u"b_pole_id_clear")

        self.lay_pole_id.addWidget(self.b_pole_id_clear)


        self.form_g_links.setWidget(1, QFormLayout.ItemRole.FieldRole, self.box_pole_id)


        self.col1.addWidget(self.g_links)

        self.vs_1 = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.col1.addItem(self.vs_1)


        self.columns.addLayout(self.col1)

        self.col2 = QVBoxLayout()
        self.col2.setObjectName(u"col2")
        self.g_progress = QGroupBox(StationForm)
        self.g_progress.setObjectName(u"g_progress")
        self.form_g_progress = QFormLayout(self.g_progress)
        self.form_g_progress.setObjectName(u"form_g_progress")
        self.form_g_progress.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.l_status = QLabel(self.g_progress)
        self.l_status.setObjectName(u"l_status")

        self.form_g_progress.setWidget(0, QFormLayout.ItemRole.LabelRole, self.l_status)

        self.f_status = QComboBox(self.g_progress)
        self.f_status.setObjectName(u"f_status")

        self.form_g_progress.setWidget(0, QFormLayout.ItemRole.FieldRole, self.f_status)

        self.l_planned_on_air = QLabel(self.g_progress)
        self.l_planned_on_air.setObjectName(u"l_planned_on_air")

        self.form_g_progress.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_planned_on_air)

        self.f_planned_on_air = QLineEdit(self.g_progress)
        self.f_planned_on_air.setObjectName(u"f_planned_on_air")

        self.form_g_progress.setWidget(1, QFormLayout.ItemRole.FieldRole, self.f_planned_on_air)

        self.l_construction_start = QLabel(self.g_progress)
        self.l_construction_start.setObjectName(u"l_construction_start")

        self.form_g_progress.setWidget(2, QFormLayout.ItemRole.LabelRole, self.l_construction_start)

        self.f_construction_start = QLineEdit(self.g_progress)
        self.f_construction_start.setObjectName(u"f_construction_start")

        self.form_g_progress.setWidget(2, QFormLayout.ItemRole.FieldRole, self.f_construction_start)

        self.l_on_air = QLabel(self.g_progress)
        self.l_on_air.setObjectName(u"l_on_air")

        self.form_g_progress.setWidget(3, QFormLayout.ItemRole.LabelRole, self.l_on_air)

        self.f_on_air = QLineEdit(self.g_progress)
        self.f_on_air.setObjectName(u"f_on_air")

        self.form_g_progress.setWidget(3, QFormLayout.ItemRole.FieldRole, self.f_on_air)


        self.col2.addWidget(self.g_progress)

        self.g_power = QGroupBox(StationForm)
        self.g_power.setObjectName(u"g_power")
        self.form_g_power = QFormLayout(self.g_power)
        self.form_g_power.setObjectName(u"form_g_power")
        self.form_g_power.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.l_power_supply = QLabel(self.g_power)
        self.l_power_supply.setObjectName(u"l_power_supply")

        self.form_g_power.setWidget(0, QFormLayout.ItemRole.LabelRole, self.l_power_supply)

        self.f_power_supply = QComboBox(self.g_power)
        self.f_power_supply.setObjectName(u"f_power_supply")

        self.form_g_power.setWidget(0, QFormLayout.ItemRole.FieldRole, self.f_power_supply)

        self.l_conversion = QLabel(self.g_power)
        self.l_conversion.setObjectName(u"l_conversion")

        self.form_g_power.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_conversion)

        self.f_conversion = QComboBox(self.g_power)
        self.f_conversion.setObjectName(u"f_conversion")

        self.form_g_power.setWidget(1, QFormLayout.ItemRole.FieldRole, self.f_conversion)

        self.l_conversion_planned_on = QLabel(self.g_power)
        self.l_conversion_planned_on.setObjectName(u"l_conversion_planned_on")

        self.form_g_power.setWidget(2, QFormLayout.ItemRole.LabelRole, self.l_conversion_planned_on)

        self.f_conversion_planned_on = QLineEdit(self.g_power)
        self.f_conversion_planned_on.setObjectName(u"f_conversion_planned_on")

        self.form_g_power.setWidget(2, QFormLayout.ItemRole.FieldRole, self.f_conversion_planned_on)

        self.l_conversion_done_on = QLabel(self.g_power)
        self.l_conversion_done_on.setObjectName(u"l_conversion_done_on")

        self.form_g_power.setWidget(3, QFormLayout.ItemRole.LabelRole, self.l_conversion_done_on)

        self.f_conversion_done_on = QLineEdit(self.g_power)
        self.f_conversion_done_on.setObjectName(u"f_conversion_done_on")

        self.form_g_power.setWidget(3, QFormLayout.ItemRole.FieldRole, self.f_conversion_done_on)

        self.l_subsidy_state = QLabel(self.g_power)
        self.l_subsidy_state.setObjectName(u"l_subsidy_state")

        self.form_g_power.setWidget(4, QFormLayout.ItemRole.LabelRole, self.l_subsidy_state)

        self.f_subsidy_state = QComboBox(self.g_power)
        self.f_subsidy_state.setObjectName(u"f_subsidy_state")

        self.form_g_power.setWidget(4, QFormLayout.ItemRole.FieldRole, self.f_subsidy_state)


        self.col2.addWidget(self.g_power)

        self.vs_2 = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.col2.addItem(self.vs_2)


        self.columns.addLayout(self.col2)


        self.main.addLayout(self.columns)

        self.bottom = QHBoxLayout()
        self.bottom.setObjectName(u"bottom")
        self.g_approvals = QGroupBox(StationForm)
        self.g_approvals.setObjectName(u"g_approvals")
        self.lay_approvals = QVBoxLayout(self.g_approvals)
        self.lay_approvals.setObjectName(u"lay_approvals")
        self.f_approvals = QTableWidget(self.g_approvals)
        self.f_approvals.setObjectName(u"f_approvals")
        self.f_approvals.setMinimumSize(QSize(560, 150))
        self.f_approvals.setMaximumSize(QSize(16777215, 160))
        self.f_approvals.setTabKeyNavigation(False)

        self.lay_approvals.addWidget(self.f_approvals)


        self.bottom.addWidget(self.g_approvals)

        self.g_notes = QGroupBox(StationForm)
        self.g_notes.setObjectName(u"g_notes")
        self.lay_notes = QVBoxLayout(self.g_notes)
        self.lay_notes.setObjectName(u"lay_notes")
        self.f_notes = QPlainTextEdit(self.g_notes)
        self.f_notes.setObjectName(u"f_notes")
        self.f_notes.setTabChangesFocus(True)

        self.lay_notes.addWidget(self.f_notes)


        self.bottom.addWidget(self.g_notes)


        self.main.addLayout(self.bottom)

        self.messages = QLabel(StationForm)
        self.messages.setObjectName(u"messages")
        self.messages.setWordWrap(True)
        self.messages.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.main.addWidget(self.messages)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.b_history = QPushButton(StationForm)
        self.b_history.setObjectName(u"b_history")
        self.b_history.setAutoDefault(False)

        self.buttons.addWidget(self.b_history)

        self.b_delete = QPushButton(StationForm)
        self.b_delete.setObjectName(u"b_delete")
        self.b_delete.setAutoDefault(False)

        self.buttons.addWidget(self.b_delete)

        self.hs_buttons = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.hs_buttons)

        self.b_save_new = QPushButton(StationForm)
        self.b_save_new.setObjectName(u"b_save_new")
        self.b_save_new.setAutoDefault(False)

        self.buttons.addWidget(self.b_save_new)

        self.b_save = QPushButton(StationForm)
        self.b_save.setObjectName(u"b_save")
        self.b_save.setAutoDefault(False)

        self.buttons.addWidget(self.b_save)

        self.b_cancel = QPushButton(StationForm)
        self.b_cancel.setObjectName(u"b_cancel")
        self.b_cancel.setAutoDefault(False)

        self.buttons.addWidget(self.b_cancel)


        self.main.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.l_unit_code.setBuddy(self.f_unit_code)
        self.l_station_code.setBuddy(self.f_station_code)
        self.l_operator.setBuddy(self.f_operator)
        self.l_name.setBuddy(self.f_name)
        self.l_tower_site_code.setBuddy(self.f_tower_site_code)
        self.l_sharing_operators.setBuddy(self.f_sharing_operators__CMCC)
        self.l_township_code.setBuddy(self.f_township_code)
        self.l_address.setBuddy(self.f_address)
        self.l_lon.setBuddy(self.f_lon)
        self.l_lat.setBuddy(self.f_lat)
        self.l_station_type.setBuddy(self.f_station_type)
        self.l_network_mode.setBuddy(self.f_network_mode)
        self.l_build_mode.setBuddy(self.f_build_mode)
        self.l_scene.setBuddy(self.f_scene)
        self.l_mast_type.setBuddy(self.f_mast_type)
        self.l_in_plan.setBuddy(self.f_in_plan)
        self.l_in_land_plan.setBuddy(self.f_in_land_plan)
        self.l_venue_id.setBuddy(self.f_venue_id)
        self.l_pole_id.setBuddy(self.f_pole_id)
        self.l_status.setBuddy(self.f_status)
        self.l_planned_on_air.setBuddy(self.f_planned_on_air)
        self.l_construction_start.setBuddy(self.f_construction_start)
        self.l_on_air.setBuddy(self.f_on_air)
        self.l_power_supply.setBuddy(self.f_power_supply)
        self.l_conversion.setBuddy(self.f_conversion)
        self.l_conversion_planned_on.setBuddy(self.f_conversion_planned_on)
        self.l_conversion_done_on.setBuddy(self.f_conversion_done_on)
        self.l_subsidy_state.setBuddy(self.f_subsidy_state)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.f_unit_code, self.f_station_code)
        QWidget.setTabOrder(self.f_station_code, self.f_operator)
        QWidget.setTabOrder(self.f_operator, self.f_name)
        QWidget.setTabOrder(self.f_name, self.f_tower_site_code)
        QWidget.setTabOrder(self.f_tower_site_code, self.f_sharing_operators__CMCC)
        QWidget.setTabOrder(self.f_sharing_operators__CMCC, self.f_sharing_operators__CUCC)
        QWidget.setTabOrder(self.f_sharing_operators__CUCC, self.f_sharing_operators__CTCC)
        QWidget.setTabOrder(self.f_sharing_operators__CTCC, self.f_sharing_operators__CBN)
        QWidget.setTabOrder(self.f_sharing_operators__CBN, self.f_township_code)
        QWidget.setTabOrder(self.f_township_code, self.f_address)
        QWidget.setTabOrder(self.f_address, self.f_lon)
        QWidget.setTabOrder(self.f_lon, self.f_lat)
        QWidget.setTabOrder(self.f_lat, self.f_station_type)
        QWidget.setTabOrder(self.f_station_type, self.f_network_mode)
        QWidget.setTabOrder(self.f_network_mode, self.f_build_mode)
        QWidget.setTabOrder(self.f_build_mode, self.f_scene)
        QWidget.setTabOrder(self.f_scene, self.f_mast_type)
        QWidget.setTabOrder(self.f_mast_type, self.f_in_plan)
        QWidget.setTabOrder(self.f_in_plan, self.f_in_land_plan)
        QWidget.setTabOrder(self.f_in_land_plan, self.f_venue_id)
        QWidget.setTabOrder(self.f_venue_id, self.b_venue_id_pick)
        QWidget.setTabOrder(self.b_venue_id_pick, self.b_venue_id_clear)
        QWidget.setTabOrder(self.b_venue_id_clear, self.f_pole_id)
        QWidget.setTabOrder(self.f_pole_id, self.b_pole_id_pick)
        QWidget.setTabOrder(self.b_pole_id_pick, self.b_pole_id_clear)
        QWidget.setTabOrder(self.b_pole_id_clear, self.f_status)
        QWidget.setTabOrder(self.f_status, self.f_planned_on_air)
        QWidget.setTabOrder(self.f_planned_on_air, self.f_construction_start)
        QWidget.setTabOrder(self.f_construction_start, self.f_on_air)
        QWidget.setTabOrder(self.f_on_air, self.f_power_supply)
        QWidget.setTabOrder(self.f_power_supply, self.f_conversion)
        QWidget.setTabOrder(self.f_conversion, self.f_conversion_planned_on)
        QWidget.setTabOrder(self.f_conversion_planned_on, self.f_conversion_done_on)
        QWidget.setTabOrder(self.f_conversion_done_on, self.f_subsidy_state)
        QWidget.setTabOrder(self.f_subsidy_state, self.f_approvals)
        QWidget.setTabOrder(self.f_approvals, self.f_notes)
        QWidget.setTabOrder(self.f_notes, self.b_history)
        QWidget.setTabOrder(self.b_history, self.b_delete)
        QWidget.setTabOrder(self.b_delete, self.b_save_new)
        QWidget.setTabOrder(self.b_save_new, self.b_save)
        QWidget.setTabOrder(self.b_save, self.b_cancel)

        self.retranslateUi(StationForm)
    # setupUi

    def retranslateUi(self, StationForm):
        StationForm.setWindowTitle(QCoreApplication.translate("StationForm", u"\u57fa\u7ad9", None))
        self.g_identity.setTitle(QCoreApplication.translate("StationForm", u"\u6807\u8bc6", None))
        self.l_unit_code.setText(QCoreApplication.translate("StationForm", u"\u533a\u53bf", None))
        self.l_station_code.setText(QCoreApplication.translate("StationForm", u"\u57fa\u7ad9\u7f16\u7801", None))
        self.l_operator.setText(QCoreApplication.translate("StationForm", u"\u627f\u5efa\u8fd0\u8425\u5546", None))
        self.l_name.setText(QCoreApplication.translate("StationForm", u"\u57fa\u7ad9\u540d\u79f0", None))
        self.l_tower_site_code.setText(QCoreApplication.translate("StationForm", u"\u94c1\u5854\u7ad9\u5740\u7f16\u7801", None))
        self.l_sharing_operators.setText(QCoreApplication.translate("StationForm", u"\u5171\u4eab\u8fd0\u8425\u5546", None))
        self.f_sharing_operators__CMCC.setText(QCoreApplication.translate("StationForm", u"\u4e2d\u56fd\u79fb\u52a8", None))
        self.f_sharing_operators__CUCC.setText(QCoreApplication.translate("StationForm", u"\u4e2d\u56fd\u8054\u901a", None))
        self.f_sharing_operators__CTCC.setText(QCoreApplication.translate("StationForm", u"\u4e2d\u56fd\u7535\u4fe1", None))
        self.f_sharing_operators__CBN.setText(QCoreApplication.translate("StationForm", u"\u4e2d\u56fd\u5e7f\u7535", None))
        self.g_place.setTitle(QCoreApplication.translate("StationForm", u"\u4f4d\u7f6e", None))
        self.l_township_code.setText(QCoreApplication.translate("StationForm", u"\u4e61\u9547(\u8857\u9053)", None))
        self.l_address.setText(QCoreApplication.translate("StationForm", u"\u8be6\u7ec6\u5730\u5740", None))
        self.l_lon.setText(QCoreApplication.translate("StationForm", u"\u7ecf\u5ea6", None))
        self.f_lon.setPlaceholderText(QCoreApplication.translate("StationForm", u"\u5341\u8fdb\u5236\u5ea6\uff0c\u5982 114.35", None))
        self.l_lat.setText(QCoreApplication.translate("StationForm", u"\u7eac\u5ea6", None))
        self.f_lat.setPlaceholderText(QCoreApplication.translate("StationForm", u"\u5341\u8fdb\u5236\u5ea6\uff0c\u5982 34.80", None))
        self.g_kind.setTitle(QCoreApplication.translate("StationForm", u"\u7c7b\u578b\u4e0e\u89c4\u5212", None))
        self.l_station_type.setText(QCoreApplication.translate("StationForm", u"\u57fa\u7ad9\u7c7b\u578b", None))
        self.l_network_mode.setText(QCoreApplication.translate("StationForm", u"\u7ec4\u7f51\u65b9\u5f0f", None))
        self.l_build_mode.setText(QCoreApplication.translate("StationForm", u"\u5efa\u8bbe\u65b9\u5f0f", None))
        self.l_scene.setText(QCoreApplication.translate("StationForm", u"\u8986\u76d6\u573a\u666f", None))
        self.l_mast_type.setText(QCoreApplication.translate("StationForm", u"\u5854\u6845\u7c7b\u578b", None))
        self.l_in_plan.setText(QCoreApplication.translate("StationForm", u"\u7eb3\u5165\u89c4\u5212", None))
        self.l_in_land_plan.setText(QCoreApplication.translate("StationForm", u"\u7eb3\u5165\u63a7\u89c4", None))
        self.g_links.setTitle(QCoreApplication.translate("StationForm", u"\u4f9d\u6258\u8d44\u6e90", None))
        self.l_venue_id.setText(QCoreApplication.translate("StationForm", u"\u4f9d\u6258\u573a\u6240", None))
        self.f_venue_id.setPlaceholderText(QCoreApplication.translate("StationForm", u"\u672a\u5173\u8054", None))
        self.b_venue_id_pick.setText(QCoreApplication.translate("StationForm", u"\u9009\u62e9\u2026", None))
        self.b_venue_id_clear.setText(QCoreApplication.translate("StationForm", u"\u6e05\u9664", None))
        self.l_pole_id.setText(QCoreApplication.translate("StationForm", u"\u4f9d\u6258\u6746\u5854", None))
        self.f_pole_id.setPlaceholderText(QCoreApplication.translate("StationForm", u"\u672a\u5173\u8054", None))
        self.b_pole_id_pick.setText(QCoreApplication.translate("StationForm", u"\u9009\u62e9\u2026", None))
        self.b_pole_id_clear.setText(QCoreApplication.translate("StationForm", u"\u6e05\u9664", None))
        self.g_progress.setTitle(QCoreApplication.translate("StationForm", u"\u5efa\u8bbe\u8fdb\u5ea6", None))
        self.l_status.setText(QCoreApplication.translate("StationForm", u"\u5efa\u8bbe\u72b6\u6001", None))
        self.l_planned_on_air.setText(QCoreApplication.translate("StationForm", u"\u8ba1\u5212\u5f00\u901a\u65e5\u671f", None))
        self.f_planned_on_air.setPlaceholderText(QCoreApplication.translate("StationForm", u"\u5982 2021-02-01", None))
        self.l_construction_start.setText(QCoreApplication.translate("StationForm", u"\u5f00\u5de5\u65e5\u671f", None))
        self.f_construction_start.setPlaceholderText(QCoreApplication.translate("StationForm", u"\u5982 2021-02-01", None))
        self.l_on_air.setText(QCoreApplication.translate("StationForm", u"\u5f00\u901a\u65e5\u671f", None))
        self.f_on_air.setPlaceholderText(QCoreApplication.translate("StationForm", u"\u5982 2021-02-01", None))
        self.g_power.setTitle(QCoreApplication.translate("StationForm", u"\u4f9b\u7535\u4e0e\u8865\u52a9", None))
        self.l_power_supply.setText(QCoreApplication.translate("StationForm", u"\u4f9b\u7535\u65b9\u5f0f", None))
        self.l_conversion.setText(QCoreApplication.translate("StationForm", u"\u76f4\u4f9b\u7535\u6539\u9020", None))
        self.l_conversion_planned_on.setText(QCoreApplication.translate("StationForm", u"\u8ba1\u5212\u6539\u9020\u65e5\u671f", None))
        self.f_conversion_planned_on.setPlaceholderText(QCoreApplication.translate("StationForm", u"\u5982 2021-02-01", None))
        self.l_conversion_done_on.setText(QCoreApplication.translate("StationForm", u"\u6539\u9020\u5b8c\u6210\u65e5\u671f", None))
        self.f_conversion_done_on.setPlaceholderText(QCoreApplication.translate("StationForm", u"\u5982 2021-02-01", None))
        self.l_subsidy_state.setText(QCoreApplication.translate("StationForm", u"\u8865\u52a9\u72b6\u6001", None))
        self.g_approvals.setTitle(QCoreApplication.translate("StationForm", u"\u5ba1\u6279\uff08\u7eff\u8272\u901a\u9053\uff09", None))
        self.g_notes.setTitle(QCoreApplication.translate("StationForm", u"\u5907\u6ce8", None))
        self.messages.setText("")
        self.b_history.setText(QCoreApplication.translate("StationForm", u"\u5386\u53f2\u2026", None))
        self.b_delete.setText(QCoreApplication.translate("StationForm", u"\u5220\u9664", None))
        self.b_save_new.setText(QCoreApplication.translate("StationForm", u"\u4fdd\u5b58\u5e76\u65b0\u5efa", None))
#if QT_CONFIG(tooltip)
        self.b_save_new.setToolTip(QCoreApplication.translate("StationForm", u"\u4fdd\u5b58\u540e\u65b0\u5efa\u4e00\u6761\uff0c\u4fdd\u7559\u533a\u53bf\u3001\u4e61\u9547\u548c\u8fd0\u8425\u5546\uff08Ctrl+Shift+S\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.b_save.setText(QCoreApplication.translate("StationForm", u"\u4fdd\u5b58", None))
#if QT_CONFIG(tooltip)
        self.b_save.setToolTip(QCoreApplication.translate("StationForm", u"\u4fdd\u5b58\uff08Ctrl+S\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.b_cancel.setText(QCoreApplication.translate("StationForm", u"\u5173\u95ed", None))
#if QT_CONFIG(tooltip)
        self.b_cancel.setToolTip(QCoreApplication.translate("StationForm", u"\u5173\u95ed\uff08Esc\uff09", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

