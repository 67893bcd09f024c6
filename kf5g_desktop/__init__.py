"""kf5g-desktop: Kaifeng 5G build-out register and weekly returns (开封市5G网络建设填报与周报)."""

__version__ = "0.1.0"
APP_NAME = "kf5g-desktop"
APP_TITLE = "开封市5G网络建设填报系统"
