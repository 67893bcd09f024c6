<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../kf5g_desktop/gui/app.py" line="89"/>
        <location filename="../../kf5g_desktop/gui/app.py" line="428"/>
        <location filename="../../kf5g_desktop/gui/app.py" line="482"/>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/app.py" line="92"/>
        <source>另一个程序</source>
        <translation>another program</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/app.py" line="95"/>
        <source>数据库正被{0}使用。为防止数据损坏，本窗口只能只读查看；请在那台电脑/那个窗口保存并退出后再修改。</source>
        <translation>The database is in use by {0}. To protect the data this window can only view it read-only; save and quit on that computer / in that window before making changes.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/app.py" line="99"/>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/app.py" line="102"/>
        <source>只读打开</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/app.py" line="104"/>
        <source>可以用最新的完好备份替换它（损坏的文件会另存一份）。</source>
        <translation>It can be replaced by the newest good backup (the damaged file is kept aside).</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/app.py" line="105"/>
        <source>从最新备份恢复</source>
        <translation>Restore newest backup</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/app.py" line="107"/>
        <source>选择其他文件…</source>
        <translation>Choose another file…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/app.py" line="116"/>
        <source>选择数据库文件</source>
        <translation>Choose a database file</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/app.py" line="118"/>
        <source>数据库 (*.db)</source>
        <translation>Database (*.db)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/app.py" line="135"/>
        <source>没有找到可用的完好备份（备份文件夹：{0}）。请联系技术支持。</source>
        <translation>No good backup was found (backup folder: {0}). Please contact support.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/app.py" line="208"/>
        <source>正在生成演示数据</source>
        <translation>Generating demo data</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/app.py" line="227"/>
        <source>演示数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/app.py" line="227"/>
        <source>生成演示数据失败：{0}</source>
        <translation>Generating the demo data failed: {0}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/app.py" line="238"/>
        <source>每日备份</source>
        <translation>Daily backup</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/app.py" line="254"/>
        <source>数据库位置不安全</source>
        <translation>Unsafe database location</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/app.py" line="256"/>
        <source>数据库“{0}”位于网络驱动器或U盘等移动存储上，断网或拔出时可能损坏数据。请把数据库复制到本机硬盘，并用 --db 或环境变量 KF5G_DB 指定它的位置。</source>
        <translation>The database “{0}” is on a network drive or removable storage; losing the connection or unplugging it can damage the data. Copy the database to this computer&apos;s hard disk and point to it with --db or the KF5G_DB environment variable.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/app.py" line="295"/>
        <source>数据库已损坏</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/app.py" line="297"/>
        <source>已打开的数据仍可查看，但不能再修改。损坏的文件在恢复时会另存一份。</source>
        <translation>The data already open can still be viewed but no longer changed. Restoring keeps a copy of the damaged file.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/app.py" line="298"/>
        <source>从备份恢复…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/app.py" line="299"/>
        <source>稍后处理</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/app.py" line="476"/>
        <source>连接数据库服务器</source>
        <translation>Connect to a database server</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/app.py" line="487"/>
        <source>正在打开数据库</source>
        <translation>Opening the database</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="184"/>
        <source>基站数</source>
        <translation>Stations</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="188"/>
        <source>更新时间</source>
        <translation>Updated at</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="193"/>
        <source>更新人</source>
        <translation>Updated by</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="276"/>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="485"/>
        <source>区县</source>
        <translation>County/district</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="280"/>
        <source>基站编码</source>
        <translation>Station code</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="281"/>
        <source>基站名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_document.py" line="316"/>
        <source>无法开始打印（打印机或PDF文件不可用）。</source>
        <translation>Printing could not start (printer or PDF file unavailable).</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="278"/>
        <source>周报打印预览 — </source>
        <translation>Weekly report print preview — </translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="258"/>
        <source>正在生成周报</source>
        <translation>Building the weekly report</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="304"/>
        <source>打印周报</source>
        <translation>Print weekly report</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="282"/>
        <source>承建运营商</source>
        <translation>Builder operator</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="283"/>
        <source>审批事项</source>
        <translation>Approval item</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="284"/>
        <source>申请日期</source>
        <translation>Applied on</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="285"/>
        <source>办结日期</source>
        <translation>Granted on</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="288"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="289"/>
        <source>已办结</source>
        <translation>Granted</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="289"/>
        <source>等待中</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="289"/>
        <source>未申请</source>
        <translation>Not applied</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="294"/>
        <source>用时/已等待（天，至今日）</source>
        <translation>Days taken / waiting (to today)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="338"/>
        <source>基站</source>
        <translation>Stations</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="338"/>
        <source>场所</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="338"/>
        <source>杆塔</source>
        <translation>Pole</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="360"/>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="470"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="151"/>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="361"/>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="471"/>
        <source>操作人</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="146"/>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="362"/>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="472"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="363"/>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="482"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="364"/>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="483"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="79"/>
        <source>已删除（回收站）</source>
        <translation>Deleted (recycle bin)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="79"/>
        <source>在登记表中</source>
        <translation>In the register</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="85"/>
        <source>记录状态</source>
        <translation>Record state</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="127"/>
        <source>登记</source>
        <translation>Entered</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="129"/>
        <source>删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="131"/>
        <source>恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="140"/>
        <source>版本{0}（{1}起）</source>
        <translation>Version {0} (from {1})</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="145"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="147"/>
        <source>登记时间</source>
        <translation>Recorded at</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="148"/>
        <source>被替换时间</source>
        <translation>Replaced at</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="148"/>
        <source>（当前版本）</source>
        <translation>(current version)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="159"/>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="365"/>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="473"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="160"/>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="366"/>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="474"/>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="161"/>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="369"/>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="475"/>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="344"/>
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="390"/>
        <source>{0} 个字段</source>
        <translation>{0} fields</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="487"/>
        <source>删除时间</source>
        <translation>Deleted at</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/table_models.py" line="488"/>
        <source>删除人</source>
        <translation>Deleted by</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/undo.py" line="85"/>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="133"/>
        <location filename="../../kf5g_desktop/gui/undo.py" line="85"/>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/undo.py" line="126"/>
        <source>删除 {0}</source>
        <translation>Delete {0}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/undo.py" line="126"/>
        <source>删除 {0} 条记录</source>
        <translation>Delete {0} records</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/undo.py" line="142"/>
        <source>恢复 {0}</source>
        <translation>Restore {0}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/widgets.py" line="233"/>
        <source>清除选择</source>
        <translation>Clear selection</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/widgets.py" line="257"/>
        <source>{0}：全部</source>
        <translation>{0}: all</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/widgets.py" line="261"/>
        <source>{0}:{1} 项</source>
        <translation>{0}: {1} selected</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/jobs.py" line="162"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/jobs.py" line="179"/>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/jobs.py" line="257"/>
        <source>操作失败：{0}

请把此信息告知技术支持。</source>
        <translation>The operation failed: {0}

Please pass this message on to technical support.</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="78"/>
        <source>添加用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="83"/>
        <source>为每位同事建一个自己的登录。初始密码请当面告诉对方；程序不保存密码，服务器只保存其加密校验值。</source>
        <translation>Create a login of their own for each colleague. Tell them the initial password in person; the program does not keep passwords, the server keeps only an encrypted verifier.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="93"/>
        <source>如 张三，登录时填写</source>
        <translation>e.g. Zhang San, typed when logging in</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="102"/>
        <source>用户名(&amp;N)</source>
        <translation>User &amp;name</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="103"/>
        <source>组(&amp;G)</source>
        <translation>&amp;Group</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="104"/>
        <source>初始密码(&amp;P)</source>
        <translation>Initial &amp;password</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="105"/>
        <source>再输一次(&amp;R)</source>
        <translation>&amp;Repeat password</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="113"/>
        <source>添加(&amp;A)</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="116"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="128"/>
        <source>请填写“用户名”，即这位同事登录时填写的名字，如 张三。</source>
        <translation>Please fill in &quot;User name&quot;: the name this colleague types when logging in, e.g. Zhang San.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="130"/>
        <source>“用户名”太长：最多 63 个字节（约 21 个汉字），请改短。</source>
        <translation>&quot;User name&quot; is too long: at most 63 bytes (about 21 Chinese characters). Please shorten it.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="132"/>
        <source>“用户名”中不能有引号、反斜杠或控制字符，请只用汉字、字母、数字。</source>
        <translation>&quot;User name&quot; cannot contain quotes, backslashes or control characters. Please use only Chinese characters, letters and digits.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="135"/>
        <source>“初始密码”至少 {0} 个字符，请重新输入。</source>
        <translation>&quot;Initial password&quot; needs at least {0} characters. Please type it again.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="137"/>
        <source>两次输入的密码不一致，请在“再输一次”中重新输入。</source>
        <translation>The two passwords differ. Please type it again in &quot;Repeat password&quot;.</translation>
    </message>
</context>
<context>
    <name>ApprovalsPage</name>
    <message>
        <location filename="../../kf5g_desktop/gui/pages.py" line="86"/>
        <source>搜索基站编码或名称（Ctrl+F）</source>
        <translation>Search station code or name (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/pages.py" line="88"/>
        <source>区县</source>
        <translation>County/district</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/pages.py" line="91"/>
        <source>只看等待中</source>
        <translation>Waiting only</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/pages.py" line="94"/>
        <source>只看超过30天</source>
        <translation>Over 30 days only</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/pages.py" line="109"/>
        <source>共 {0} 项</source>
        <translation>{0} items</translation>
    </message>
</context>
<context>
    <name>ApprovalsTable</name>
    <message>
        <location filename="../../kf5g_desktop/gui/approvals_table.py" line="39"/>
        <source>审批事项</source>
        <translation>Approval item</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/approvals_table.py" line="40"/>
        <source>申请日期</source>
        <translation>Applied on</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/approvals_table.py" line="41"/>
        <source>办结日期</source>
        <translation>Granted on</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/approvals_table.py" line="42"/>
        <source>用时/已等待
（天，至今日）</source>
        <translation>Days taken /
waiting (to today)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/approvals_table.py" line="130"/>
        <source>审批事项“{0}”的日期无效，请按 2021-02-01 的格式填写。</source>
        <translation>A date of approval item “{0}” is not valid; please write it like 2021-02-01.</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <location filename="../../kf5g_desktop/gui/pages.py" line="234"/>
        <source>按记录搜索，如基站编码或名称（Ctrl+F）</source>
        <translation>Search by record, e.g. station code or name (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/pages.py" line="245"/>
        <source>共 {0} 条操作记录</source>
        <translation>{0} log entries</translation>
    </message>
</context>
<context>
    <name>BatchesDialog</name>
    <message>
        <location filename="../../kf5g_desktop/gui/batches_dialog.py" line="40"/>
        <source>导入批次</source>
        <translation>Import batches</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/batches_dialog.py" line="43"/>
        <source>批量导入和周报导入各为一个批次，可整批撤销。坐标来自高德/腾讯（GCJ-02）或百度（BD-09）而导入时按 WGS-84 读取的批次，可声明其坐标系，程序把该批次写入的坐标换算为 WGS-84（可撤销）。</source>
        <translation>Each bulk import and each return import is one batch and can be undone as a whole. For a batch whose coordinates came from Amap/Tencent (GCJ-02) or Baidu (BD-09) but were read as WGS-84, declare its coordinate system: the coordinates it wrote are converted to WGS-84 (undoable).</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/batches_dialog.py" line="51"/>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/batches_dialog.py" line="51"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/batches_dialog.py" line="51"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/batches_dialog.py" line="51"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/batches_dialog.py" line="51"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/batches_dialog.py" line="58"/>
        <source>声明坐标系(&amp;C)…</source>
        <translation>Declare &amp;coordinate system…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/batches_dialog.py" line="59"/>
        <source>撤销批次(&amp;U)</source>
        <translation>&amp;Undo batch</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/batches_dialog.py" line="80"/>
        <source>已撤销（%1）</source>
        <translation>Undone (%1)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/batches_dialog.py" line="107"/>
        <location filename="../../kf5g_desktop/gui/batches_dialog.py" line="119"/>
        <location filename="../../kf5g_desktop/gui/batches_dialog.py" line="129"/>
        <source>声明坐标系</source>
        <translation>Declare coordinate system</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/batches_dialog.py" line="108"/>
        <source>批次 %1 的经纬度原本是哪种坐标系？（换算为 WGS-84 保存）</source>
        <translation>Which coordinate system were the coordinates of batch %1 in? (They are converted to WGS-84.)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/batches_dialog.py" line="121"/>
        <source>已换算批次 %1 的坐标：%2 条记录改为 WGS-84。</source>
        <translation>Converted the coordinates of batch %1: %2 records now in WGS-84.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/batches_dialog.py" line="125"/>
        <source>%1 条记录的坐标在该批次之后改过，未换算。</source>
        <translation> %1 records whose coordinates were changed after the batch were left as they are.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/batches_dialog.py" line="126"/>
        <source>如需撤销，在本列表中撤销批次 %1。</source>
        <translation> To take it back, undo batch %1 in this list.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/batches_dialog.py" line="138"/>
        <location filename="../../kf5g_desktop/gui/batches_dialog.py" line="144"/>
        <source>撤销批次</source>
        <translation>Undo batch</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/batches_dialog.py" line="145"/>
        <source>已撤销批次 %1（涉及 %2 条记录）。</source>
        <translation>Undid batch %1 (%2 records).</translation>
    </message>
</context>
<context>
    <name>BulkImportWizard</name>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="46"/>
        <source>基站</source>
        <translation>Stations</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="47"/>
        <source>免费开放场所</source>
        <translation>Free-access venues</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="48"/>
        <source>杆塔共享</source>
        <translation>Pole sharing</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="347"/>
        <source>批量导入运营商清单</source>
        <translation>Bulk import operators&apos; lists</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="354"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="355"/>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="356"/>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="357"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BulkPreviewModel</name>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="63"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="64"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="65"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="66"/>
        <source>变化 / 问题</source>
        <translation>Changes / problems</translation>
    </message>
</context>
<context>
    <name>CompletenessModel</name>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_status.py" line="67"/>
        <source>第{0}周
{1}</source>
        <translation>Week {0}
{1}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_status.py" line="84"/>
        <source>（逾期）</source>
        <translation> (late)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_status.py" line="93"/>
        <source>尚未收到本周周报</source>
        <translation>This week&apos;s return has not been received yet</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_status.py" line="94"/>
        <source>第{0}版，{1} 收到，文件 {2}</source>
        <translation>Version {0}, received {1}, file {2}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_status.py" line="98"/>
        <source>接收说明：{0}</source>
        <translation>Note on acceptance: {0}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_status.py" line="100"/>
        <source>共收到 {0} 份，以最新一份为准</source>
        <translation>{0} files received; the newest one counts</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../kf5g_desktop/gui/conflict_dialog.py" line="45"/>
        <source>{0}月{1}日 {2}</source>
        <translation>{0}/{1} {2}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/conflict_dialog.py" line="48"/>
        <source>{0}年{1}月{2}日 {3}</source>
        <translation>{0}-{1:02}-{2:02} {3}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/conflict_dialog.py" line="55"/>
        <source>其他用户</source>
        <translation>another user</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/conflict_dialog.py" line="58"/>
        <source>此记录已被 {0} 于 {1} 删除，您的修改未保存。可在回收站中查看；如仍需要，请恢复后再修改。</source>
        <translation>This record was deleted by {0} at {1}; your changes were not saved. It is in the recycle bin: restore it first if it is still needed.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/conflict_dialog.py" line="63"/>
        <source>此记录刚被 {0} 修改，您的修改未保存。</source>
        <translation>This record was just changed by {0}; your changes were not saved.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/conflict_dialog.py" line="64"/>
        <source>此记录已被 {0} 于 {1} 修改，您的修改未保存。</source>
        <translation>This record was changed by {0} at {1}; your changes were not saved.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/conflict_dialog.py" line="152"/>
        <source>记录已被他人修改</source>
        <translation>Record changed by someone else</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/conflict_dialog.py" line="158"/>
        <source>重新载入：显示对方保存后的记录，放弃您的修改。比较：逐项查看双方的改动。</source>
        <translation>Reload: show the record as the other person saved it, dropping your changes. Compare: see both sets of changes field by field.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/conflict_dialog.py" line="163"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/conflict_dialog.py" line="163"/>
        <source>您打开时</source>
        <translation>When you opened it</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/conflict_dialog.py" line="163"/>
        <source>对方保存后（当前）</source>
        <translation>As saved by them (now)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/conflict_dialog.py" line="163"/>
        <source>您的修改</source>
        <translation>Your changes</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/conflict_dialog.py" line="173"/>
        <source>双方都改了这一项</source>
        <translation>Both of you changed this field</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/conflict_dialog.py" line="182"/>
        <source>红色的项双方都改了；“保留我的修改”会用您的内容，请核对后再保存。</source>
        <translation>Fields in red were changed by both of you; &quot;Keep my changes&quot; uses yours — check them before saving.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/conflict_dialog.py" line="188"/>
        <source>重新载入(&amp;R)</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/conflict_dialog.py" line="189"/>
        <source>比较(&amp;C)</source>
        <translation>&amp;Compare</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/conflict_dialog.py" line="190"/>
        <source>保留我的修改(&amp;K)</source>
        <translation>&amp;Keep my changes</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/conflict_dialog.py" line="191"/>
        <source>在对方保存后的记录上重新填入您改过的项，核对后再保存</source>
        <translation>Put the fields you changed back into the record as they saved it; check, then save</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/conflict_dialog.py" line="193"/>
        <source>继续编辑</source>
        <translation>Go on editing</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/conflict_dialog.py" line="204"/>
        <source>记录已被他人删除</source>
        <translation>Record deleted by someone else</translation>
    </message>
</context>
<context>
    <name>CoordSystem</name>
    <message>
        <location filename="../../kf5g_desktop/gui/coord_system.py" line="13"/>
        <source>WGS-84/CGCS2000（GPS、国家标准）</source>
        <translation>WGS-84/CGCS2000 (GPS, national standard)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/coord_system.py" line="14"/>
        <source>GCJ-02（高德、腾讯）</source>
        <translation>GCJ-02 (Amap, Tencent)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/coord_system.py" line="15"/>
        <source>BD-09（百度）</source>
        <translation>BD-09 (Baidu)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/coord_system.py" line="26"/>
        <source>经纬度按哪种坐标系填写；保存时一律换算为 WGS-84（CGCS2000）存储。</source>
        <translation>The coordinate system the longitude and latitude are typed in; they are always stored converted to WGS-84 (CGCS2000).</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="267"/>
        <source>{0}年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="269"/>
        <source>{0}月</source>
        <translation>{0:02d}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="293"/>
        <source>全市</source>
        <translation>Whole city</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="301"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="305"/>
        <source>周次：</source>
        <translation>Week:</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="306"/>
        <source>范围：</source>
        <translation>Scope:</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="307"/>
        <source>统计口径：</source>
        <translation>Counting rule:</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="315"/>
        <source>累计开通5G基站</source>
        <translation>5G stations on air (cumulative)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="316"/>
        <source>本周新开通</source>
        <translation>New on air this week</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="317"/>
        <source>SA 基站占比</source>
        <translation>SA share</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="318"/>
        <source>转供电占比（≤20%）</source>
        <translation>Indirect-power share (≤20%)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="319"/>
        <source>开放场所 / 共享杆塔</source>
        <translation>Venues / shared poles</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="320"/>
        <source>需关注</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="337"/>
        <source>累计开通基站与目标</source>
        <translation>Stations on air vs target</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="338"/>
        <source>每周新开通基站（按运营商）</source>
        <translation>New stations on air per week (by operator)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="339"/>
        <source>转供电占比（%）与20%控制线</source>
        <translation>Indirect-power share (%) and the 20% line</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="340"/>
        <source>SA 基站占比（%）</source>
        <translation>SA share (%)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="370"/>
        <source>各区县进度（单击区县查看其基站）</source>
        <translation>Progress by unit (click a unit to see its stations)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="401"/>
        <source>{0}
正在绘制图表……</source>
        <translation>{0}
Drawing the chart…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="432"/>
        <source>图表无法显示：{msg}</source>
        <translation>The charts cannot be shown: {msg}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="489"/>
        <source>正在计算……</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="506"/>
        <source>数据截至 {day}</source>
        <translation>Data as of {day}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="518"/>
        <source>计算失败：{msg}</source>
        <translation>Calculation failed: {msg}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="532"/>
        <source>{year}年目标 {target:,}，完成 {pct}</source>
        <translation>{year} target {target:,}, {pct} done</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="536"/>
        <source>{year}年目标未设置</source>
        <translation>{year} target not set</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="539"/>
        <source>SA 基站 {n:,} 个</source>
        <translation>{n:,} SA stations</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="543"/>
        <source>转供电 {n:,} 个；直供电改造累计 {c:,} 个</source>
        <translation>{n:,} indirect-power; {c:,} conversions done</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="548"/>
        <source>本周新增场所 {v} 处，杆塔 {p} 根</source>
        <translation>This week: {v} venues, {p} poles</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="552"/>
        <source>审批超30天 {w} 项，逾期未开通 {l} 个</source>
        <translation>{w} approvals &gt; 30 days, {l} stations overdue</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="589"/>
        <source>累计开通</source>
        <translation>On air (cumulative)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="603"/>
        <source>目标</source>
        <translation>Target</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="49"/>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="138"/>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="143"/>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="153"/>
        <source>导出周报</source>
        <translation>Export weekly return</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="56"/>
        <source>统计周期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="59"/>
        <source>全市汇总（开封市）</source>
        <translation>City consolidation (Kaifeng)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="66"/>
        <source>填报单位</source>
        <translation>Reporting unit</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="69"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="73"/>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="122"/>
        <source>保存到文件夹</source>
        <translation>Save to folder</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="76"/>
        <source>按现在的数据生成该周周报的新版本：包含截止后补录和更正的内容，不含该周结束后发生的事。</source>
        <translation>Make a new version of the week&apos;s return from today&apos;s data: entries and corrections made since the deadline are in it, nothing that happened after the week&apos;s end.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="80"/>
        <source>更正已截止的周报时必填，如：补录漏报基站</source>
        <translation>Required when correcting a week past its deadline, e.g. station entered late</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="81"/>
        <source>更正原因</source>
        <translation>Correction reason</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="89"/>
        <source>导出的周报将用本区县密钥签名。</source>
        <translation>The return will be signed with this unit&apos;s key.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="91"/>
        <source>尚未导入市局下发的参考数据（签名密钥），周报将不签名。</source>
        <translation>The city&apos;s reference data (signing key) has not been imported: the return will not be signed.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="98"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="115"/>
        <source>更正第%1周报表</source>
        <translation>Correct the return of week %1</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="139"/>
        <source>文件夹“%1”不存在，请重新选择。</source>
        <translation>The folder &quot;%1&quot; does not exist; please choose another.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="143"/>
        <source>更正周报须填写“更正原因”，请补充。</source>
        <translation>A correction needs a reason: please fill in &quot;Reason for correction&quot;.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="157"/>
        <source>正在导出周报</source>
        <translation>Exporting the weekly return</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="162"/>
        <source>更改组</source>
        <translation>Change group</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="165"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="168"/>
        <source>组(&amp;G)</source>
        <translation>&amp;Group</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="171"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="172"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="185"/>
        <source>历史 — {0}</source>
        <translation>History — {0}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="194"/>
        <source>版本与差异</source>
        <translation>Versions and changes</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="195"/>
        <source>操作记录</source>
        <translation>Audit entries</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="250"/>
        <source>显示全部字段</source>
        <translation>Show every field</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="251"/>
        <source>列出两个版本的全部字段（有变化的字段加粗）</source>
        <translation>List every field of the two versions (changed fields in bold)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="253"/>
        <source>比较</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="315"/>
        <source>这条记录没有保存的版本。</source>
        <translation>This record has no stored versions.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="317"/>
        <source>版本{0}的全部字段：</source>
        <translation>Every field of version {0}:</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="321"/>
        <source>版本{0} → 版本{1}：{2} 个字段有变化。</source>
        <translation>Version {0} → version {1}: {2} field(s) changed.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_history.py" line="323"/>
        <source>版本{0} → 版本{1}：没有变化。</source>
        <translation>Version {0} → version {1}: no change.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="239"/>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="330"/>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="343"/>
        <source>导入周报</source>
        <translation>Import returns</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="249"/>
        <source>仅当文件导出后被改动、且确认接收时填写原因</source>
        <translation>Only when a file was changed after export and you accept it: give the reason</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="250"/>
        <source>选择文件…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="252"/>
        <source>重新校验</source>
        <translation>Verify again</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="254"/>
        <source>导入通过校验的文件</source>
        <translation>Import the files that passed</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="257"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="261"/>
        <source>接收改动原因：</source>
        <translation>Reason for accepting changes:</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="271"/>
        <source>问题与提示、与上次报表相比的变化（点击上方的文件查看）：</source>
        <translation>Problems and notes, and the changes since the previous return (click a file above):</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="274"/>
        <source>问题与提示</source>
        <translation>Problems and notes</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="283"/>
        <source>选择周报文件</source>
        <translation>Choose return files</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="283"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="295"/>
        <source>正在校验周报</source>
        <translation>Verifying returns</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="314"/>
        <source>校验通过，没有问题。</source>
        <translation>Verified: no problems.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="331"/>
        <source>部分区县本周的周报已导入过且内容不同。确认用新文件替换吗？原文件保留在历史中。</source>
        <translation>Some units&apos; returns for this week were imported before with different content. Replace them with the new files? The earlier files stay in the history.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="347"/>
        <source>正在导入周报</source>
        <translation>Importing returns</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="168"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="169"/>
        <source>区县</source>
        <translation>County/district</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="170"/>
        <source>周次</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="171"/>
        <source>校验</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="172"/>
        <source>签名</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="173"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="174"/>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="175"/>
        <source>不变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="176"/>
        <source>删除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="205"/>
        <source>不能导入</source>
        <translation>Cannot be imported</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="207"/>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="207"/>
        <source>（改动后接收）</source>
        <translation> (accepted after changes)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="209"/>
        <source>未通过（{0} 个问题）</source>
        <translation>Failed ({0} problems)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="213"/>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="214"/>
        <source>未签名</source>
        <translation>Unsigned</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_dialogs.py" line="215"/>
        <source>无密钥</source>
        <translation>No key</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="158"/>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="159"/>
        <source>基站</source>
        <translation>Stations</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="160"/>
        <source>审批</source>
        <translation>Approvals</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="161"/>
        <source>免费开放场所</source>
        <translation>Free-access venues</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="162"/>
        <source>杆塔共享</source>
        <translation>Pole sharing</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="163"/>
        <source>地图</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="164"/>
        <source>回收站</source>
        <translation>Recycle bin</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="165"/>
        <source>操作日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="166"/>
        <source>报送情况</source>
        <translation>Return status</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="186"/>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="401"/>
        <source>正在打开数据库……</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="381"/>
        <source>正在后台检查数据库完整性，检查通过前修改会稍候保存</source>
        <translation>Checking the database in the background; changes are saved once the check has passed</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="441"/>
        <source>只读：当前登录“{0}”不能修改服务器上的数据</source>
        <translation>Read-only: the login “{0}” cannot change data on the server</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="50"/>
        <source>新建(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="53"/>
        <source>新建一条记录</source>
        <translation>Create a new record</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="54"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="58"/>
        <source>打开(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="60"/>
        <source>打开选中的记录（回车或双击）</source>
        <translation>Open the selected record (Enter or double-click)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="61"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="65"/>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="68"/>
        <source>把选中的记录移到回收站</source>
        <translation>Move the selected records to the recycle bin</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="74"/>
        <source>查找(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="77"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="80"/>
        <source>历史(&amp;H)…</source>
        <translation>&amp;History…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="86"/>
        <source>撤销(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="89"/>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="220"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="93"/>
        <source>重做(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="95"/>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="222"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="105"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="108"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="112"/>
        <source>立即备份(&amp;B)</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="114"/>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="117"/>
        <source>从备份恢复(&amp;R)…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="119"/>
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="121"/>
        <source>连接数据库服务器(&amp;D)…</source>
        <translation>Connect to a &amp;database server…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="123"/>
        <source>用户管理(&amp;Y)…</source>
        <translation>&amp;Users…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="126"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="128"/>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="129"/>
        <source>选择列(&amp;L)…</source>
        <translation>Co&amp;lumns…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="142"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="145"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="158"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="160"/>
        <source>首页(&amp;S)</source>
        <translation>&amp;Home</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="161"/>
        <source>基站(&amp;J)</source>
        <translation>&amp;Stations</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="162"/>
        <source>审批(&amp;P)</source>
        <translation>&amp;Approvals</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="163"/>
        <source>免费开放场所(&amp;C)</source>
        <translation>Free-access &amp;venues</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="164"/>
        <source>杆塔共享(&amp;G)</source>
        <translation>&amp;Pole sharing</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="165"/>
        <source>地图(&amp;M)</source>
        <translation>&amp;Map</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="166"/>
        <source>回收站(&amp;H)</source>
        <translation>Recycle &amp;bin</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="167"/>
        <source>操作日志(&amp;Z)</source>
        <translation>A&amp;udit log</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="168"/>
        <source>报送情况(&amp;B)</source>
        <translation>Return s&amp;tatus</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="178"/>
        <source>报表(&amp;R)</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="181"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="183"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="405"/>
        <source>市级</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="405"/>
        <source>未设置单位</source>
        <translation>No unit set</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="407"/>
        <source>数据库：{0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="411"/>
        <source>数据库：{0}（服务器 {1}），登录：{2}</source>
        <translation>Database: {0} (server {1}), login: {2}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="416"/>
        <source>{0} · 填报人：{1}</source>
        <translation>{0} · User: {1}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="420"/>
        <source>基站 {0} · 场所 {1} · 杆塔 {2}</source>
        <translation>Stations {0} · Venues {1} · Poles {2}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="400"/>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="422"/>
        <source>开封市5G网络建设填报系统</source>
        <translation>Kaifeng 5G Build-out Register</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="211"/>
        <source>没有可撤销的操作</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="216"/>
        <source>没有可重做的操作</source>
        <translation>Nothing to redo</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="224"/>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="232"/>
        <source>报送(&amp;S)</source>
        <translation>&amp;Returns</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="233"/>
        <source>周报(&amp;W)</source>
        <translation>&amp;Weekly report</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="424"/>
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="426"/>
        <source>（演示数据）</source>
        <translation> (demo data)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="439"/>
        <source>数据库已损坏，已禁止修改：请从备份恢复</source>
        <translation>The database is damaged, changes are blocked: restore from a backup</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="443"/>
        <source>只读：数据库正被另一个程序使用，不能修改</source>
        <translation>Read-only: the database is in use by another copy of the program; changes are disabled</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="468"/>
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="556"/>
        <source>选中的 {0} 条记录</source>
        <translation>the {0} selected records</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_menus.py" line="69"/>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="560"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="557"/>
        <source>把“{0}”移到回收站？
可以在回收站恢复，也可以用“撤销”（Ctrl+Z）。</source>
        <translation>Move “{0}” to the recycle bin?
You can restore it from the recycle bin or with Undo (Ctrl+Z).</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="590"/>
        <source>已恢复：{0}</source>
        <translation>Restored: {0}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="601"/>
        <source>彻底删除</source>
        <translation>Delete permanently</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_window.py" line="602"/>
        <source>彻底删除“{0}”？此操作不能撤销，记录将无法恢复（操作日志保留）。</source>
        <translation>Permanently delete “{0}”? This cannot be undone and the record cannot be restored (the audit log is kept).</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_files.py" line="28"/>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_files.py" line="31"/>
        <source>已备份到 {0}</source>
        <translation>Backed up to {0}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_files.py" line="42"/>
        <location filename="../../kf5g_desktop/gui/main_files.py" line="55"/>
        <location filename="../../kf5g_desktop/gui/main_files.py" line="64"/>
        <location filename="../../kf5g_desktop/gui/main_files.py" line="75"/>
        <location filename="../../kf5g_desktop/gui/main_files.py" line="101"/>
        <location filename="../../kf5g_desktop/gui/main_files.py" line="109"/>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_files.py" line="43"/>
        <source>数据库服务器上的数据不能在本机从备份恢复。恢复由管理员进行：在服务器上新建一个空数据库，运行 kf5g server-init 新数据库的地址 --from 备份文件，再让各台电脑连接新数据库。本机为这个服务器保存的备份在：{0}</source>
        <translation>Data on a database server cannot be restored from a backup on this PC. The administrator restores it: create an empty database on the server, run kf5g server-init ADDRESS-OF-THE-NEW-DATABASE --from BACKUP-FILE, then connect every PC to the new database. This PC&apos;s backups of this server are in: {0}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_files.py" line="56"/>
        <source>没有找到备份（备份文件夹：{0}）。</source>
        <translation>No backups found (backup folder: {0}).</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_files.py" line="65"/>
        <source>选择要恢复的备份（当前数据库会先另存一份）：</source>
        <translation>Choose the backup to restore (the current database is saved first):</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_files.py" line="76"/>
        <source>用 {0} 的备份替换当前数据库？当前数据库会先另存为备份。</source>
        <translation>Replace the current database with the backup of {0}? The current database is saved as a backup first.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_files.py" line="98"/>
        <source>已从备份恢复</source>
        <translation>Restored from backup</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_files.py" line="105"/>
        <source>打开数据库</source>
        <translation>Open database</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_files.py" line="132"/>
        <source>已连接数据库服务器 {0}</source>
        <translation>Connected to the database server {0}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_files.py" line="142"/>
        <source>数据库只读：单位和填报人信息不能修改，只能更改本机的界面语言。</source>
        <translation>The database is read-only: the unit and preparer details cannot be changed; only this PC&apos;s interface language can.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_files.py" line="144"/>
        <source>单位和填报人信息由服务器的管理员设置；本机只能更改界面语言。</source>
        <translation>The unit and preparer details are set by the server&apos;s administrator; on this PC only the interface language can be changed.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_files.py" line="168"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_files.py" line="169"/>
        <source>界面语言将在下次启动程序时生效。</source>
        <translation>The interface language changes the next time the program starts.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_files.py" line="179"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/main_files.py" line="180"/>
        <source>开封市5G网络建设填报系统 {0}

记录基站建设、免费开放场所和杆塔共享，生成周报和报送表。</source>
        <translation>Kaifeng 5G Build-out Register {0}

Records station builds, free-access venues and pole sharing; prints the weekly report and exports the weekly return.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="358"/>
        <source>添加用户、更改用户的组、停用登录</source>
        <translation>Add users, change a user&apos;s group, disable logins</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="360"/>
        <source>只有管理员组的登录可以管理用户</source>
        <translation>Only a login in the Administrator group can manage users</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="370"/>
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="371"/>
        <source>用户和权限只在数据库服务器上有：请先从“文件 → 连接数据库服务器”连接服务器。</source>
        <translation>Users and permissions exist only on a database server: please connect to one first with &quot;File → Connect to a database server&quot;.</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="472"/>
        <source>按建设状态着色</source>
        <translation>Colour by status</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="473"/>
        <source>按运营商着色</source>
        <translation>Colour by operator</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="475"/>
        <source>全部运营商</source>
        <translation>All operators</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="479"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="483"/>
        <source>全部组网方式</source>
        <translation>All network modes</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="486"/>
        <source>框选</source>
        <translation>Select area</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="488"/>
        <source>按住左键拖出一个矩形，列出其中的基站、场所和杆塔（也可按住 Shift 拖动）</source>
        <translation>Drag a rectangle with the left button to list the stations, venues and poles inside it (or drag with Shift held)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="494"/>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="631"/>
        <source>免费开放场所</source>
        <translation>Free-access venues</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="632"/>
        <source>共享杆塔</source>
        <translation>Shared poles</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="656"/>
        <source>基站 %1 个（有坐标）</source>
        <translation>%1 stations (with coordinates)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="658"/>
        <source>；场所和杆塔放大后显示</source>
        <translation>; venues and poles appear when zoomed in</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="676"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="775"/>
        <source>框选范围内没有基站、场所或杆塔</source>
        <translation>No station, venue or pole inside the selected area</translation>
    </message>
</context>
<context>
    <name>MomentBanner</name>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="241"/>
        <source>回到现在</source>
        <translation>Back to now</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="252"/>
        <source>正在查看{week}报表截止时（{cutoff}）的登记情况，只读。</source>
        <translation>Showing the registers as they stood at {cutoff}, the cut-off of {week}. Read-only.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="254"/>
        <source>{week}的报表截止时间（{cutoff}）未到，列表显示现在的登记情况。</source>
        <translation>The cut-off of {week} ({cutoff}) has not passed yet: the list shows the registers as they are now.</translation>
    </message>
</context>
<context>
    <name>MomentPicker</name>
    <message>
        <location filename="../../kf5g_desktop/gui/week_picker.py" line="121"/>
        <source>现在</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/week_picker.py" line="122"/>
        <source>某周截止时</source>
        <translation>At a week&apos;s cut-off</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/week_picker.py" line="123"/>
        <source>查看现在的登记情况，或某一周报表截止时的登记情况（只读）</source>
        <translation>Show the registers as they are now, or as they stood at a week&apos;s cut-off (read-only)</translation>
    </message>
</context>
<context>
    <name>PickerDialog</name>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="610"/>
        <source>选择免费开放场所</source>
        <translation>Choose a free-access venue</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="610"/>
        <source>选择杆塔</source>
        <translation>Choose a pole</translation>
    </message>
</context>
<context>
    <name>PoleForm</name>
    <message>
        <location filename="../../ui/pole_form.ui" line="6"/>
        <source>杆塔共享</source>
        <translation>Pole sharing</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>区县</source>
        <translation>County/district</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>杆塔编号</source>
        <translation>Pole code</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>留空则自动编号</source>
        <translation>Leave empty to number automatically</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>杆塔名称</source>
        <translation>Pole name</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>权属行业</source>
        <translation>Owner sector</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>权属单位</source>
        <translation>Owner unit</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>杆塔类型</source>
        <translation>Pole type</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>智能杆</source>
        <translation>Smart pole</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>多杆合一数</source>
        <translation>Poles merged</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>乡镇(街道)</source>
        <translation>Township/street</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>详细地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>经度</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>十进制度，如 114.35</source>
        <translation>Decimal degrees, e.g. 114.35</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>纬度</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>十进制度，如 34.80</source>
        <translation>Decimal degrees, e.g. 34.80</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>共享情况</source>
        <translation>Sharing</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>共享运营商</source>
        <translation>Sharing operators</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>中国移动</source>
        <translation>China Mobile</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>中国联通</source>
        <translation>China Unicom</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>中国电信</source>
        <translation>China Telecom</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>中国广电</source>
        <translation>China Broadnet</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>共享日期</source>
        <translation>Shared on</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>如 2021-02-01</source>
        <translation>e.g. 2021-02-01</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>协议编号</source>
        <translation>Agreement no.</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>挂载基站数</source>
        <translation>Stations mounted</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>历史…</source>
        <translation>History…</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>保存并新建</source>
        <translation>Save &amp;&amp; new</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>保存后新建一条，保留区县、乡镇和运营商（Ctrl+Shift+S）</source>
        <translation>Save, then start a new record keeping unit, township and operator (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/pole_form.ui" line="7"/>
        <source>关闭（Esc）</source>
        <translation>Close (Esc)</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../kf5g_desktop/gui/record_form.py" line="217"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_form.py" line="217"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_form.py" line="265"/>
        <source>坐标系</source>
        <translation>Coordinate system</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_form.py" line="375"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_form.py" line="375"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_form.py" line="375"/>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_form.py" line="376"/>
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_form.py" line="378"/>
        <source>（{0}时的登记情况，只读）</source>
        <translation> (as it stood at {0}, read-only)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_form.py" line="453"/>
        <source>“{0}”不是有效日期，请按 2021-02-01 的格式填写。</source>
        <translation>“{0}” is not a valid date; please write it like 2021-02-01.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_form.py" line="461"/>
        <source>“{0}”应是数字，请重新填写。</source>
        <translation>“{0}” must be a number; please correct it.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_form.py" line="538"/>
        <source>没有修改，无需保存。</source>
        <translation>Nothing changed, nothing to save.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_form.py" line="552"/>
        <source>请确认</source>
        <translation>Please confirm</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_form.py" line="551"/>
        <source>这条记录有以下提醒：
{0}

仍要保存吗？</source>
        <translation>This record has these warnings:
{0}

Save it anyway?</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_form.py" line="506"/>
        <source>错误：{message}</source>
        <translation>Error: {message}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_form.py" line="506"/>
        <source>提醒：{message}</source>
        <translation>Warning: {message}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_form.py" line="567"/>
        <location filename="../../kf5g_desktop/gui/record_form.py" line="584"/>
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_form.py" line="620"/>
        <source>已载入对方保存后的记录，并填入了您改过的项。请核对后再保存。</source>
        <translation>The record as the other person saved it is loaded, with the fields you changed filled in again. Check them, then save.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_form.py" line="644"/>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/record_form.py" line="645"/>
        <source>表单中有未保存的修改，确定放弃吗？</source>
        <translation>The form has unsaved changes. Discard them?</translation>
    </message>
</context>
<context>
    <name>RecycleBinPage</name>
    <message>
        <location filename="../../kf5g_desktop/gui/pages.py" line="145"/>
        <source>删除的记录先放在回收站，可以恢复；彻底删除后不能恢复（操作日志仍保留）。</source>
        <translation>Deleted records wait in the recycle bin and can be restored; once deleted permanently they cannot (the audit log is kept).</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/pages.py" line="159"/>
        <source>历史…</source>
        <translation>History…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/pages.py" line="161"/>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/pages.py" line="164"/>
        <source>彻底删除…</source>
        <translation>Delete permanently…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/pages.py" line="185"/>
        <source>回收站中共 {0} 条</source>
        <translation>{0} records in the recycle bin</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="297"/>
        <source>搜索基站编码、名称、地址、铁塔站址编码（Ctrl+F）</source>
        <translation>Search station code, name, address, tower site code (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="298"/>
        <source>搜索场所编号、名称、地址、产权单位（Ctrl+F）</source>
        <translation>Search venue code, name, address, owner (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="299"/>
        <source>搜索杆塔编号、名称、地址、权属单位、协议编号（Ctrl+F）</source>
        <translation>Search pole code, name, address, owner, agreement no. (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="317"/>
        <source>区县</source>
        <translation>County/district</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="319"/>
        <source>运营商</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="322"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="324"/>
        <source>组网</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="327"/>
        <source>供电</source>
        <translation>Power</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="330"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="334"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="338"/>
        <source>行业</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="340"/>
        <source>开通日期</source>
        <translation>On air</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="340"/>
        <source>开放日期</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="340"/>
        <source>共享日期</source>
        <translation>Shared on</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="349"/>
        <source>起</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="349"/>
        <source>止</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="356"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="359"/>
        <source>列…</source>
        <translation>Columns…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="360"/>
        <source>选择显示哪些列</source>
        <translation>Choose the columns to show</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="385"/>
        <source>新建（Ctrl+N）</source>
        <translation>New (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="452"/>
        <source>共 {0} 条</source>
        <translation>{0} records</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/register.py" line="508"/>
        <source>恢复默认列</source>
        <translation>Default columns</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="215"/>
        <source>周报（预览、打印、另存为PDF）(&amp;W)…</source>
        <translation>&amp;Weekly report (preview, print, save as PDF)…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="219"/>
        <source>选择周次，预览并打印周报或保存为PDF</source>
        <translation>Choose a week, preview and print the weekly report or save it as PDF</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="223"/>
        <source>填写本周存在问题(&amp;P)…</source>
        <translation>Enter this week&apos;s &amp;problems…</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="57"/>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="162"/>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="198"/>
        <source>周报</source>
        <translation>Weekly report</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="63"/>
        <source>全市汇总（市级版）</source>
        <translation>City consolidation (city edition)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="74"/>
        <source>哪些类型的基站计入“基站数”和目标完成率；补助按全部已开通SA基站计</source>
        <translation>Which station types count as stations and towards the target; the subsidy counts all SA stations on air</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="77"/>
        <source>周次：</source>
        <translation>Week:</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="82"/>
        <source>报表范围：</source>
        <translation>Report scope:</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="83"/>
        <source>统计口径：</source>
        <translation>Counting rule:</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="85"/>
        <source>本周存在问题（打印在周报中）</source>
        <translation>Problems this week (printed in the report)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="87"/>
        <source>逐条填写本周工作中存在的问题和需要协调的事项，如：
1. ……</source>
        <translation>List this week&apos;s problems and matters needing coordination, e.g.:
1. …</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="89"/>
        <source>审核人姓名</source>
        <translation>Reviewer&apos;s name</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="90"/>
        <source>保存问题</source>
        <translation>Save problems</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="95"/>
        <source>审核人：</source>
        <translation>Reviewer:</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="102"/>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="104"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="106"/>
        <source>另存为PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="162"/>
        <source>数据库以只读方式打开，问题文本无法保存。</source>
        <translation>The database is open read-only; the problems text cannot be saved.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="170"/>
        <source>已保存 {week} 的问题。</source>
        <translation>Saved the problems of {week}.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="189"/>
        <source>周报另存为PDF</source>
        <translation>Save weekly report as PDF</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="189"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_dialogs.py" line="198"/>
        <source>已保存周报（共 {n} 页）：
{path}</source>
        <translation>Saved the weekly report ({n} pages):
{path}</translation>
    </message>
</context>
<context>
    <name>ReturnsActions</name>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_actions.py" line="65"/>
        <source>导出周报(&amp;E)…</source>
        <translation>&amp;Export weekly return…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_actions.py" line="70"/>
        <source>校验 / 导入周报(&amp;I)…</source>
        <translation>Verify / &amp;import returns…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_actions.py" line="75"/>
        <source>批量导入运营商清单(&amp;B)…</source>
        <translation>&amp;Bulk import operators&apos; lists…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_actions.py" line="78"/>
        <source>导入批次(&amp;P)…</source>
        <translation>Im&amp;port batches…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_actions.py" line="82"/>
        <source>报送情况(&amp;T)</source>
        <translation>Return s&amp;tatus</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_actions.py" line="87"/>
        <source>导出参考数据（含签名密钥）(&amp;K)…</source>
        <translation>Export reference data (with signing &amp;keys)…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_actions.py" line="93"/>
        <source>导入市局参考数据(&amp;K)…</source>
        <translation>Import the city&apos;s reference data (&amp;keys)…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_actions.py" line="115"/>
        <location filename="../../kf5g_desktop/gui/returns_actions.py" line="123"/>
        <location filename="../../kf5g_desktop/gui/returns_actions.py" line="127"/>
        <source>导出参考数据</source>
        <translation>Export reference data</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_actions.py" line="128"/>
        <source>已导出“%1”。文件含各区县签名密钥，请妥善保管。</source>
        <translation>Exported &quot;%1&quot;. The file holds every unit&apos;s signing key: keep it safe.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_actions.py" line="139"/>
        <source>导入市局参考数据</source>
        <translation>Import the city&apos;s reference data</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_actions.py" line="145"/>
        <source>已导入：目标 %1 项。</source>
        <translation>Imported: %1 targets.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_actions.py" line="148"/>
        <source>已保存本区县签名密钥。</source>
        <translation>This unit&apos;s signing key is saved.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_actions.py" line="151"/>
        <location filename="../../kf5g_desktop/gui/returns_actions.py" line="155"/>
        <source>导入参考数据</source>
        <translation>Import reference data</translation>
    </message>
</context>
<context>
    <name>ReturnsStatusPage</name>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_status.py" line="29"/>
        <source>按时</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_status.py" line="30"/>
        <source>逾期</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_status.py" line="31"/>
        <source>未报</source>
        <translation>Not returned</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_status.py" line="32"/>
        <source>改动后接收</source>
        <translation>Accepted after changes</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_status.py" line="33"/>
        <source>未到期</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_status.py" line="123"/>
        <source> 周</source>
        <translation> weeks</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_status.py" line="125"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_status.py" line="127"/>
        <source>导出全市汇总…</source>
        <translation>Export city consolidation…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_status.py" line="130"/>
        <source>显示最近</source>
        <translation>Show the last</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_status.py" line="140"/>
        <source>报送情况（各区县每周周报）</source>
        <translation>Return status (weekly returns of each unit)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_status.py" line="167"/>
        <source>上周（%1）未报：%2</source>
        <translation>Missing last week (%1): %2</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_status.py" line="169"/>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_status.py" line="169"/>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>SelectionDialog</name>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="430"/>
        <source>框选的记录：基站 %1 个，场所和杆塔 %2 处</source>
        <translation>Selected: %1 stations, %2 venues and poles</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="443"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>SelectionModel</name>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="384"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="385"/>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="386"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="387"/>
        <source>区县</source>
        <translation>County/district</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="388"/>
        <source>承建运营商</source>
        <translation>Builder operator</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="389"/>
        <source>建设状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="407"/>
        <source>基站</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="407"/>
        <source>免费开放场所</source>
        <translation>Free-access venue</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/map_page.py" line="407"/>
        <source>共享杆塔</source>
        <translation>Shared pole</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../../kf5g_desktop/gui/server_dialog.py" line="156"/>
        <source>本机没有安装连接 PostgreSQL 数据库服务器所需的驱动（psycopg），无法连接。请安装带服务器支持的版本（命令 pip install -e &apos;.[server]&apos;，或使用完整安装包），或继续使用本机数据库。</source>
        <translation>The driver needed to connect to a PostgreSQL database server (psycopg) is not installed on this computer, so the program cannot connect. Install the version with server support (pip install -e &apos;.[server]&apos;, or the full installer), or go on with this computer&apos;s database.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_dialog.py" line="174"/>
        <location filename="../../kf5g_desktop/gui/server_dialog.py" line="283"/>
        <location filename="../../kf5g_desktop/gui/server_dialog.py" line="294"/>
        <location filename="../../kf5g_desktop/gui/server_dialog.py" line="316"/>
        <source>连接数据库服务器</source>
        <translation>Connect to a database server</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_dialog.py" line="180"/>
        <source>多台电脑共用一个数据库时，填写单位数据库服务器（PostgreSQL）的地址和您的登录名。密码只用于本次连接，程序不会保存。</source>
        <translation>When several computers share one database, enter the address of your office&apos;s database server (PostgreSQL) and your login. The password is used for this connection only; the program never saves it.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_dialog.py" line="188"/>
        <source>如 192.168.1.10 或 kf5g-server</source>
        <translation>e.g. 192.168.1.10 or kf5g-server</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_dialog.py" line="194"/>
        <source>您在服务器上的登录名</source>
        <translation>your login on the server</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_dialog.py" line="199"/>
        <source>服务器地址(&amp;H)</source>
        <translation>Server &amp;host</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_dialog.py" line="200"/>
        <source>端口(&amp;P)</source>
        <translation>&amp;Port</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_dialog.py" line="201"/>
        <source>数据库名(&amp;D)</source>
        <translation>&amp;Database</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_dialog.py" line="202"/>
        <source>用户名(&amp;U)</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_dialog.py" line="203"/>
        <source>密码(&amp;W)</source>
        <translation>Pass&amp;word</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_dialog.py" line="206"/>
        <source>每次启动时连接此服务器(&amp;S)</source>
        <translation>Connect to this server at every &amp;start</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_dialog.py" line="214"/>
        <source>连接(&amp;C)</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_dialog.py" line="217"/>
        <source>使用本机数据库(&amp;L)</source>
        <translation>Use this computer&apos;s &amp;local database</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_dialog.py" line="217"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_dialog.py" line="246"/>
        <source>本机的密码文件（{0}）中有此连接的密码，密码可留空。</source>
        <translation>The password file on this computer ({0}) has a password for this connection: the password may be left empty.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_dialog.py" line="249"/>
        <source>密码不会保存；也可以放在本机的密码文件 .pgpass 中。</source>
        <translation>The password is not saved; it can also be kept in this computer&apos;s .pgpass password file.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_dialog.py" line="257"/>
        <source>请填写“服务器地址”，例如 192.168.1.10，可向单位的系统管理员询问。</source>
        <translation>Please fill in &quot;Server host&quot;, e.g. 192.168.1.10 (ask your office&apos;s administrator).</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_dialog.py" line="263"/>
        <source>“服务器地址”中不能有空格或 / ? # @，请只填写地址本身，例如 192.168.1.10。</source>
        <translation>&quot;Server host&quot; cannot contain spaces or / ? # @: enter the address only, e.g. 192.168.1.10.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_dialog.py" line="267"/>
        <source>请填写“数据库名”，通常是 kf5g。</source>
        <translation>Please fill in &quot;Database&quot;, usually kf5g.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_dialog.py" line="269"/>
        <source>请填写“用户名”，即您在数据库服务器上的登录名。</source>
        <translation>Please fill in &quot;User name&quot;: your login on the database server.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../kf5g_desktop/gui/setup_dialog.py" line="56"/>
        <source>首次使用设置</source>
        <translation>First-run setup</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/setup_dialog.py" line="56"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/setup_dialog.py" line="61"/>
        <source>欢迎使用开封市5G网络建设填报系统。请先说明本机为哪个单位填报，以及填报人信息；以后可在“文件 → 设置”中修改。</source>
        <translation>Welcome to the Kaifeng 5G Build-out Register. Say which unit this computer reports for and who fills in the data; you can change this later under File → Settings.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/setup_dialog.py" line="70"/>
        <source>区县（填报单位）</source>
        <translation>County/district (reporting unit)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/setup_dialog.py" line="71"/>
        <source>市级（汇总）</source>
        <translation>City (consolidation)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/setup_dialog.py" line="78"/>
        <source>本机用于</source>
        <translation>This computer is for</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/setup_dialog.py" line="82"/>
        <source>区县</source>
        <translation>County/district</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/setup_dialog.py" line="84"/>
        <source>填报人姓名</source>
        <translation>Name of the person reporting</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/setup_dialog.py" line="85"/>
        <source>填报人</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/setup_dialog.py" line="87"/>
        <source>如 0371-12345678 或 13800000000</source>
        <translation>e.g. 0371-12345678 or 13800000000</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/setup_dialog.py" line="88"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/setup_dialog.py" line="90"/>
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/setup_dialog.py" line="96"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/setup_dialog.py" line="97"/>
        <source>先打开演示数据看看（自动生成的示例记录，不是真实数据）</source>
        <translation>Open demo data first (generated example records, not real data)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/setup_dialog.py" line="124"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/setup_dialog.py" line="125"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/setup_dialog.py" line="149"/>
        <source>请填写“填报人”姓名。</source>
        <translation>Please enter the name of the person reporting.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/setup_dialog.py" line="154"/>
        <source>“联系电话”只能包含数字和连字符，请重新填写。</source>
        <translation>The phone number may contain digits and hyphens only; please correct it.</translation>
    </message>
</context>
<context>
    <name>SincePreviousModel</name>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_changes.py" line="20"/>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_changes.py" line="21"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_changes.py" line="22"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_changes.py" line="23"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_changes.py" line="24"/>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_changes.py" line="25"/>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_changes.py" line="28"/>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_changes.py" line="29"/>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_changes.py" line="30"/>
        <source>删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_changes.py" line="33"/>
        <source>基站</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_changes.py" line="34"/>
        <source>场所</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_changes.py" line="35"/>
        <source>杆塔</source>
        <translation>Pole</translation>
    </message>
</context>
<context>
    <name>SincePreviousView</name>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_changes.py" line="106"/>
        <source>文件未通过校验，无法比较。</source>
        <translation>The file did not pass verification: nothing to compare.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_changes.py" line="109"/>
        <source>新增 {0} 条，修改 {1} 条，删除 {2} 条。</source>
        <translation>{0} added, {1} changed, {2} removed.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_changes.py" line="113"/>
        <source>该区县此前没有已接收的周报，文件中的记录都是新增：</source>
        <translation>No return of this unit was accepted before, so every record of the file is new: </translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_changes.py" line="115"/>
        <source>与该区县上次接收的 {0} 周报（第{1}版，{2} 导入）相比：</source>
        <translation>Since the unit&apos;s previous accepted return, {0} (version {1}, imported {2}): </translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_changes.py" line="124"/>
        <source>与上次报表相比</source>
        <translation>Since the previous return</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_changes.py" line="126"/>
        <source>与上次报表相比（{0}）</source>
        <translation>Since the previous return ({0})</translation>
    </message>
</context>
<context>
    <name>StationForm</name>
    <message>
        <location filename="../../ui/station_form.ui" line="6"/>
        <source>基站</source>
        <translation>Stations</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>标识</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>区县</source>
        <translation>County/district</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>基站编码</source>
        <translation>Station code</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>承建运营商</source>
        <translation>Builder operator</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>基站名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>铁塔站址编码</source>
        <translation>Tower site code</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>共享运营商</source>
        <translation>Sharing operators</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>中国移动</source>
        <translation>China Mobile</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>中国联通</source>
        <translation>China Unicom</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>中国电信</source>
        <translation>China Telecom</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>中国广电</source>
        <translation>China Broadnet</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>乡镇(街道)</source>
        <translation>Township/street</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>详细地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>经度</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>十进制度，如 114.35</source>
        <translation>Decimal degrees, e.g. 114.35</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>纬度</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>十进制度，如 34.80</source>
        <translation>Decimal degrees, e.g. 34.80</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>类型与规划</source>
        <translation>Type and planning</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>基站类型</source>
        <translation>Station type</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>组网方式</source>
        <translation>Network mode</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>建设方式</source>
        <translation>Build mode</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>覆盖场景</source>
        <translation>Coverage scene</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>塔桅类型</source>
        <translation>Mast type</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>纳入规划</source>
        <translation>In 5G plan</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>纳入控规</source>
        <translation>In land-use plan</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>依托资源</source>
        <translation>Hosted on</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>依托场所</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>未关联</source>
        <translation>Not linked</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>依托杆塔</source>
        <translation>Pole</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>建设进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>建设状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>计划开通日期</source>
        <translation>Planned on air</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>如 2021-02-01</source>
        <translation>e.g. 2021-02-01</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>开工日期</source>
        <translation>Construction start</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>开通日期</source>
        <translation>On air</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>供电与补助</source>
        <translation>Power and subsidy</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>供电方式</source>
        <translation>Power supply</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>直供电改造</source>
        <translation>Direct-supply conversion</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>计划改造日期</source>
        <translation>Conversion planned</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>改造完成日期</source>
        <translation>Conversion done</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>补助状态</source>
        <translation>Subsidy state</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>审批（绿色通道）</source>
        <translation>Approvals (green channel)</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>历史…</source>
        <translation>History…</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>保存并新建</source>
        <translation>Save &amp;&amp; new</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>保存后新建一条，保留区县、乡镇和运营商（Ctrl+Shift+S）</source>
        <translation>Save, then start a new record keeping unit, township and operator (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/station_form.ui" line="7"/>
        <source>关闭（Esc）</source>
        <translation>Close (Esc)</translation>
    </message>
</context>
<context>
    <name>UnitProgressModel</name>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="87"/>
        <source>区县</source>
        <translation>County/district</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="88"/>
        <source>累计开通</source>
        <translation>On air</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="89"/>
        <source>本周新开通</source>
        <translation>New this week</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="90"/>
        <source>年度目标</source>
        <translation>Yearly target</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="91"/>
        <source>完成率</source>
        <translation>Completion</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="92"/>
        <source>SA占比</source>
        <translation>SA share</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="93"/>
        <source>转供电占比</source>
        <translation>Indirect share</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="94"/>
        <source>开放场所</source>
        <translation>Venues opened</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="95"/>
        <source>共享杆塔</source>
        <translation>Shared poles</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="96"/>
        <source>本周周报</source>
        <translation>This week&apos;s return</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="119"/>
        <source>已报</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="121"/>
        <source>未报</source>
        <translation>Not returned</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/dashboard.py" line="144"/>
        <source>单击查看{0}的基站登记表</source>
        <translation>Click to see the station register of {0}</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="49"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="50"/>
        <source>填报</source>
        <translation>Data entry</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="51"/>
        <source>查看</source>
        <translation>View only</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="52"/>
        <source>（无组）</source>
        <translation>(no group)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="57"/>
        <source>设置、基础数据、用户、恢复备份，以及填报的一切</source>
        <translation>settings, reference data, users, restores, and everything of Data entry</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="58"/>
        <source>录入、批量导入、导入报表、撤销批次</source>
        <translation>enter records, bulk import, import returns, undo batches</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="59"/>
        <source>只能查看和打印，不能修改</source>
        <translation>can view and print, cannot change anything</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="189"/>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="248"/>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="320"/>
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="193"/>
        <source>数据库 {0} 上的登录。管理员：设置、基础数据、用户和恢复备份；填报：录入和导入；查看：只读。停用的登录不能再连接，其名字仍留在操作日志中，可以恢复。</source>
        <translation>Logins of the database {0}. Administrator: settings, reference data, users and restores; Data entry: entering and importing; View only: read only. A disabled login can no longer connect; its name stays in the audit log, and it can be enabled again.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="195"/>
        <source>{0}（服务器 {1}）</source>
        <translation>{0} (server {1})</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="202"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="202"/>
        <source>组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="202"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="218"/>
        <source>添加用户(&amp;A)…</source>
        <translation>&amp;Add user…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="221"/>
        <source>更改组(&amp;G)…</source>
        <translation>Change &amp;group…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="224"/>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="277"/>
        <source>停用登录(&amp;D)</source>
        <translation>&amp;Disable login</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="227"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="251"/>
        <source>可登录</source>
        <translation>can log in</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="251"/>
        <source>已停用</source>
        <translation>disabled</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="253"/>
        <source>{0}（当前登录）</source>
        <translation>{0} (you)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="262"/>
        <source>共 {0} 个用户，其中 {1} 个已停用</source>
        <translation>{0} users, {1} of them disabled</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="277"/>
        <source>恢复登录(&amp;E)</source>
        <translation>&amp;Enable login</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="299"/>
        <source>更改组</source>
        <translation>Change group</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="310"/>
        <source>停用登录</source>
        <translation>Disable login</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/server_users.py" line="312"/>
        <source>停用“{0}”的登录？停用后此人不能再连接数据库（已连接的窗口在下次连接时被拒绝）；其名字仍留在操作日志中，以后可以恢复登录。</source>
        <translation>Disable the login of &quot;{0}&quot;? They can then no longer connect to the database (a window already connected is refused at its next connection); their name stays in the audit log, and the login can be enabled again later.</translation>
    </message>
</context>
<context>
    <name>VenueForm</name>
    <message>
        <location filename="../../ui/venue_form.ui" line="6"/>
        <source>免费开放场所</source>
        <translation>Free-access venues</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>区县</source>
        <translation>County/district</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>场所编号</source>
        <translation>Venue code</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>留空则自动编号</source>
        <translation>Leave empty to number automatically</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>场所名称</source>
        <translation>Venue name</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>场所类别</source>
        <translation>Venue category</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>产权单位</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>乡镇(街道)</source>
        <translation>Township/street</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>详细地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>经度</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>十进制度，如 114.35</source>
        <translation>Decimal degrees, e.g. 114.35</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>纬度</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>十进制度，如 34.80</source>
        <translation>Decimal degrees, e.g. 34.80</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>开放情况</source>
        <translation>Opening</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>开放资源</source>
        <translation>Resources opened</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>楼顶</source>
        <translation>Rooftop</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>杆塔</source>
        <translation>Pole</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>机房</source>
        <translation>Equipment room</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>管道</source>
        <translation>Ducts</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>电力配套</source>
        <translation>Power facilities</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>室内分布空间</source>
        <translation>Indoor distribution space</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>开放日期</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>如 2021-02-01</source>
        <translation>e.g. 2021-02-01</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>是否免费</source>
        <translation>Free of charge</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>不免费原因</source>
        <translation>Reason if not free</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>已进场运营商</source>
        <translation>Operators entered</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>中国移动</source>
        <translation>China Mobile</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>中国联通</source>
        <translation>China Unicom</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>中国电信</source>
        <translation>China Telecom</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>中国广电</source>
        <translation>China Broadnet</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>依托基站数</source>
        <translation>Stations hosted</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>数字和连字符，如 0371-12345678</source>
        <translation>Digits and hyphens, e.g. 0371-12345678</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>历史…</source>
        <translation>History…</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>保存并新建</source>
        <translation>Save &amp;&amp; new</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>保存后新建一条，保留区县、乡镇和运营商（Ctrl+Shift+S）</source>
        <translation>Save, then start a new record keeping unit, township and operator (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/venue_form.ui" line="7"/>
        <source>关闭（Esc）</source>
        <translation>Close (Esc)</translation>
    </message>
</context>
<context>
    <name>WeekPicker</name>
    <message>
        <location filename="../../kf5g_desktop/gui/week_picker.py" line="35"/>
        <source>{year}年第{week}周</source>
        <translation>Week {week} of {year}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/week_picker.py" line="45"/>
        <source>{m1}月{d1}日—{m2}月{d2}日</source>
        <translation>{y1}-{m1:02d}-{d1:02d} – {y2}-{m2:02d}-{d2:02d}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/week_picker.py" line="47"/>
        <source>{y1}年{m1}月{d1}日—{y2}年{m2}月{d2}日</source>
        <translation>{y1}-{m1:02d}-{d1:02d} – {y2}-{m2:02d}-{d2:02d}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/week_picker.py" line="49"/>
        <source>{year}年第{week}周（{span}）</source>
        <translation>Week {week} of {year} ({span})</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/week_picker.py" line="64"/>
        <source>上一周</source>
        <translation>Previous week</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/week_picker.py" line="70"/>
        <source>选择一天，即选中它所在的周（周一至周日）</source>
        <translation>Pick a day to choose its week (Monday to Sunday)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/week_picker.py" line="73"/>
        <source>下一周</source>
        <translation>Next week</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/week_picker.py" line="168"/>
        <source>按各区县最新报送的本周报表（截止时间 {0}）</source>
        <translation>From each unit&apos;s latest accepted return of the week (cut-off {0})</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/week_picker.py" line="172"/>
        <source>按更正时（{0}）的登记情况</source>
        <translation>As the registers stood at the correction ({0})</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/week_picker.py" line="176"/>
        <source>按截止时（{0}）的登记情况</source>
        <translation>As the registers stood at the cut-off ({0})</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/week_picker.py" line="177"/>
        <source>截止时间（{0}）未到，按现在的登记情况</source>
        <translation>Cut-off ({0}) not passed yet: the registers as they are now</translation>
    </message>
</context>
<context>
    <name>_FilePage</name>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="115"/>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="145"/>
        <source>选择运营商清单</source>
        <translation>Choose the operator&apos;s list</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="117"/>
        <source>支持 .xlsx、.xls、.ods、.xlsb 和 .csv；列的顺序不限，下一步会自动识别表头。</source>
        <translation>.xlsx, .xls, .ods, .xlsb and .csv, columns in any order; the headers are recognised in the next step.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="120"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="129"/>
        <source>（按文件中的区县列）</source>
        <translation>(from the file&apos;s unit column)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="136"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="137"/>
        <source>导入到</source>
        <translation>Import into</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="138"/>
        <source>默认区县</source>
        <translation>Default unit</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="146"/>
        <source>表格 (*.xlsx *.xls *.ods *.xlsb *.csv *.txt)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.ods *.xlsb *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="158"/>
        <source>批量导入</source>
        <translation>Bulk import</translation>
    </message>
</context>
<context>
    <name>_MappingPage</name>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="169"/>
        <source>核对列的对应关系</source>
        <translation>Check the column mapping</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="170"/>
        <source>已按表头自动识别；如有不对，请在右侧选择文件中的列。</source>
        <translation>Matched by header; if something is wrong, choose the file column on the right.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="173"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="173"/>
        <source>文件中的列</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="175"/>
        <source>保存此对应关系，下次自动使用</source>
        <translation>Save this mapping for next time</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="178"/>
        <source>自动识别不对时，指定表头所在的行（文件中的行号）</source>
        <translation>If the guess is wrong, give the row of the headers (its row number in the file)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="181"/>
        <source>按此行重新读取</source>
        <translation>Read again with this row</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="184"/>
        <source>表头所在行</source>
        <translation>Header row</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="190"/>
        <source>经纬度的坐标系</source>
        <translation>Coordinate system of longitude and latitude</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="220"/>
        <source>表头：第 %1 行，其下 %2 行数据。</source>
        <translation>Headers: row %1, with %2 data rows below.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="222"/>
        <source>（自动识别）</source>
        <translation> (recognised automatically)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="235"/>
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
</context>
<context>
    <name>_PreviewPage</name>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="265"/>
        <source>预览（试导入，尚未写入）</source>
        <translation>Preview (dry run, nothing written yet)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="283"/>
        <source>正在检查……</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="301"/>
        <source>正在检查清单</source>
        <translation>Checking the list</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="306"/>
        <source>共 %1 行：%2。</source>
        <translation>%1 rows: %2.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="308"/>
        <source>有错误或冲突的行必须先在文件中改正，全部通过后才能导入（不会只导入一部分）。</source>
        <translation>Rows with errors or conflicts must be fixed in the file first; the import runs only when every row passes (never a part of it).</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="310"/>
        <source>点击“导入”写入数据库（导入前自动备份，之后可整批撤销）。</source>
        <translation>Click &quot;Import&quot; to write to the database (backed up first; the whole batch can be undone later).</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="324"/>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="328"/>
        <source>批量导入</source>
        <translation>Bulk import</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/returns_bulk.py" line="329"/>
        <source>已导入（批次 %1）。如需撤销，可在“导入批次”中撤销整批。</source>
        <translation>Imported (batch %1). To undo, undo the whole batch under &quot;Import batches&quot;.</translation>
    </message>
</context>
<context>
    <name>domain</name>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="6"/>
        <source>区县</source>
        <translation>County/district</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="7"/>
        <source>基站编码</source>
        <translation>Station code</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="8"/>
        <source>承建运营商</source>
        <translation>Builder operator</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="9"/>
        <source>基站名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="10"/>
        <source>铁塔站址编码</source>
        <translation>Tower site code</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="11"/>
        <source>共享运营商</source>
        <translation>Sharing operators</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="12"/>
        <source>乡镇(街道)</source>
        <translation>Township/street</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="13"/>
        <source>详细地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="14"/>
        <source>经度</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="15"/>
        <source>纬度</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="16"/>
        <source>基站类型</source>
        <translation>Station type</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="17"/>
        <source>组网方式</source>
        <translation>Network mode</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="18"/>
        <source>建设方式</source>
        <translation>Build mode</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="19"/>
        <source>覆盖场景</source>
        <translation>Coverage scene</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="20"/>
        <source>塔桅类型</source>
        <translation>Mast type</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="21"/>
        <source>纳入规划</source>
        <translation>In 5G plan</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="22"/>
        <source>纳入控规</source>
        <translation>In land-use plan</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="23"/>
        <source>建设状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="24"/>
        <source>计划开通日期</source>
        <translation>Planned on air</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="25"/>
        <source>开工日期</source>
        <translation>Construction start</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="26"/>
        <source>开通日期</source>
        <translation>On air</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="27"/>
        <source>供电方式</source>
        <translation>Power supply</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="28"/>
        <source>直供电改造</source>
        <translation>Direct-supply conversion</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="29"/>
        <source>计划改造日期</source>
        <translation>Conversion planned</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="30"/>
        <source>改造完成日期</source>
        <translation>Conversion done</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="31"/>
        <source>依托场所</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="32"/>
        <source>依托杆塔</source>
        <translation>Pole</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="33"/>
        <source>补助状态</source>
        <translation>Subsidy state</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="34"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="35"/>
        <source>场所编号</source>
        <translation>Venue code</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="36"/>
        <source>场所名称</source>
        <translation>Venue name</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="37"/>
        <source>场所类别</source>
        <translation>Venue category</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="38"/>
        <source>产权单位</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="39"/>
        <source>开放资源</source>
        <translation>Resources opened</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="40"/>
        <source>开放日期</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="41"/>
        <source>是否免费</source>
        <translation>Free of charge</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="42"/>
        <source>不免费原因</source>
        <translation>Reason if not free</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="43"/>
        <source>已进场运营商</source>
        <translation>Operators entered</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="44"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="45"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="46"/>
        <source>杆塔编号</source>
        <translation>Pole code</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="47"/>
        <source>杆塔名称</source>
        <translation>Pole name</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="48"/>
        <source>权属行业</source>
        <translation>Owner sector</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="49"/>
        <source>权属单位</source>
        <translation>Owner unit</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="50"/>
        <source>杆塔类型</source>
        <translation>Pole type</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="51"/>
        <source>智能杆</source>
        <translation>Smart pole</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="52"/>
        <source>多杆合一数</source>
        <translation>Poles merged</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="53"/>
        <source>共享日期</source>
        <translation>Shared on</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="54"/>
        <source>协议编号</source>
        <translation>Agreement no.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="55"/>
        <source>审批事项</source>
        <translation>Approval items</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="56"/>
        <source>运营商</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="57"/>
        <source>中国移动</source>
        <translation>China Mobile</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="58"/>
        <source>中国联通</source>
        <translation>China Unicom</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="59"/>
        <source>中国电信</source>
        <translation>China Telecom</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="60"/>
        <source>中国广电</source>
        <translation>China Broadnet</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="61"/>
        <source>宏站</source>
        <translation>Macro</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="62"/>
        <source>微站</source>
        <translation>Micro</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="63"/>
        <source>室分</source>
        <translation>Indoor</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="64"/>
        <source>杆站</source>
        <translation>Pole site</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="65"/>
        <source>SA</source>
        <translation>SA</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="66"/>
        <source>NSA</source>
        <translation>NSA</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="67"/>
        <source>新建</source>
        <translation>New build</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="68"/>
        <source>共址改造</source>
        <translation>Co-site upgrade</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="69"/>
        <source>利旧</source>
        <translation>Reuse</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="70"/>
        <source>县城以上城区</source>
        <translation>Urban (county town and above)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="71"/>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="72"/>
        <source>农村热点</source>
        <translation>Rural hotspot</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="73"/>
        <source>垂直行业</source>
        <translation>Vertical industry</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="74"/>
        <source>重点场所室内</source>
        <translation>Key indoor venues</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="75"/>
        <source>规划</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="76"/>
        <source>审批中</source>
        <translation>In approval</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="77"/>
        <source>在建</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="78"/>
        <source>已开通</source>
        <translation>On air</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="79"/>
        <source>暂缓</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="80"/>
        <source>取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="81"/>
        <source>直供电</source>
        <translation>Direct</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="82"/>
        <source>转供电</source>
        <translation>Indirect</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="83"/>
        <source>不需改造</source>
        <translation>Not needed</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="84"/>
        <source>计划改造</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="85"/>
        <source>改造中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="86"/>
        <source>已改造</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="87"/>
        <source>不具备条件</source>
        <translation>Not feasible</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="88"/>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="89"/>
        <source>待申请</source>
        <translation>To apply</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="90"/>
        <source>已申请</source>
        <translation>Applied</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="91"/>
        <source>已拨付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="92"/>
        <source>自然资源</source>
        <translation>Natural resources (land/planning)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="93"/>
        <source>环评</source>
        <translation>Environmental assessment</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="94"/>
        <source>无线电频率</source>
        <translation>Radio frequency</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="95"/>
        <source>用电报装</source>
        <translation>Power connection</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="96"/>
        <source>角钢塔</source>
        <translation>Angle-steel tower</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="97"/>
        <source>单管塔</source>
        <translation>Monopole</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="98"/>
        <source>三管塔</source>
        <translation>Three-tube tower</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="99"/>
        <source>景观塔</source>
        <translation>Landscape tower</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="100"/>
        <source>楼面抱杆</source>
        <translation>Rooftop pole</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="101"/>
        <source>楼面塔</source>
        <translation>Rooftop tower</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="102"/>
        <source>拉线塔</source>
        <translation>Guyed tower</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="103"/>
        <source>灯杆/监控杆</source>
        <translation>Street-light/CCTV pole</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="104"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="105"/>
        <source>党政机关</source>
        <translation>Party and government</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="106"/>
        <source>企事业单位</source>
        <translation>Enterprises and institutions</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="107"/>
        <source>公共机构</source>
        <translation>Public bodies</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="108"/>
        <source>学校</source>
        <translation>Schools</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="109"/>
        <source>医院</source>
        <translation>Hospitals</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="110"/>
        <source>公路</source>
        <translation>Roads</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="111"/>
        <source>绿地公园广场</source>
        <translation>Parks and squares</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="112"/>
        <source>大型场馆</source>
        <translation>Large venues</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="113"/>
        <source>景区</source>
        <translation>Scenic areas</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="114"/>
        <source>住宅小区</source>
        <translation>Residential estates</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="115"/>
        <source>商务楼宇</source>
        <translation>Office buildings</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="116"/>
        <source>交通场站</source>
        <translation>Transport hubs</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="117"/>
        <source>楼顶</source>
        <translation>Rooftop</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="118"/>
        <source>杆塔</source>
        <translation>Poles</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="119"/>
        <source>机房</source>
        <translation>Equipment room</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="120"/>
        <source>管道</source>
        <translation>Ducts</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="121"/>
        <source>电力配套</source>
        <translation>Power facilities</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="122"/>
        <source>室内分布空间</source>
        <translation>Indoor distribution space</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="123"/>
        <source>电力</source>
        <translation>Power</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="124"/>
        <source>市政</source>
        <translation>Municipal</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="125"/>
        <source>交通</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="126"/>
        <source>公安</source>
        <translation>Police</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="127"/>
        <source>通信</source>
        <translation>Telecom</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="128"/>
        <source>路灯杆</source>
        <translation>Street-light pole</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="129"/>
        <source>监控杆</source>
        <translation>CCTV pole</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="130"/>
        <source>交通杆</source>
        <translation>Traffic pole</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="131"/>
        <source>电力杆塔</source>
        <translation>Power pole/tower</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="132"/>
        <source>通信铁塔</source>
        <translation>Telecom tower</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="133"/>
        <source>智慧杆</source>
        <translation>Smart pole</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="134"/>
        <source>是否</source>
        <translation>Yes/no</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="135"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="136"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="137"/>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="138"/>
        <source>宏站+室分</source>
        <translation>Macro + indoor</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/domain_strings.py" line="139"/>
        <source>仅宏站</source>
        <translation>Macro only</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <location filename="../../kf5g_desktop/gui/report_chart.py" line="65"/>
        <source>{year}年{month}月</source>
        <translation>{mon} {year}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_chart.py" line="66"/>
        <source>{month}月</source>
        <translation>{mon}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_chart.py" line="168"/>
        <source>{year}年目标 {n}</source>
        <translation>{year} target {n}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_chart.py" line="190"/>
        <source>第{week}周末 {n}</source>
        <translation>Week {week}: {n}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_chart.py" line="201"/>
        <source>累计开通基站（个）</source>
        <translation>Stations on air (cumulative)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_chart.py" line="207"/>
        <source>目标线</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_chart.py" line="207"/>
        <source>目标线（未设置本区县目标）</source>
        <translation>Target (none set for this unit)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_document.py" line="340"/>
        <location filename="../../kf5g_desktop/gui/report_html.py" line="156"/>
        <source>{name} {week}</source>
        <translation>{name} {week}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_document.py" line="341"/>
        <source>第 {page} 页 共 {pages} 页</source>
        <translation>Page {page} of {pages}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_html.py" line="48"/>
        <source>新登记并开通</source>
        <translation>New, on air</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_html.py" line="49"/>
        <source>本周开通</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_html.py" line="50"/>
        <source>新登记</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_html.py" line="51"/>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_html.py" line="52"/>
        <source>宏站+室分</source>
        <translation>Macro + indoor</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_html.py" line="53"/>
        <source>仅宏站</source>
        <translation>Macro only</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_html.py" line="54"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="535"/>
        <source>删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_html.py" line="55"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="536"/>
        <source>恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_html.py" line="59"/>
        <source>基站</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_html.py" line="60"/>
        <source>场所</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_html.py" line="61"/>
        <source>杆塔</source>
        <translation>Pole</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_html.py" line="103"/>
        <location filename="../../kf5g_desktop/gui/report_html.py" line="122"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_html.py" line="111"/>
        <source>{item}（申请 {applied}，办结 {granted}）</source>
        <translation>{item} (applied {applied}, granted {granted})</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_html.py" line="131"/>
        <source>{month}月{day}日</source>
        <translation>{mon} {day}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_html.py" line="138"/>
        <source>{start}—{end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_html.py" line="140"/>
        <source>{y1}年{start}—{y2}年{end}</source>
        <translation>{start}, {y1} – {end}, {y2}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_html.py" line="143"/>
        <source>{year}年第{week}周（{span}）</source>
        <translation>Week {week} of {year} ({span})</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_html.py" line="150"/>
        <source>{scope}5G网络建设周报</source>
        <translation>{scope} 5G Build-out Weekly Report</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_html.py" line="162"/>
        <source>统计口径：{rule}</source>
        <translation>Counting rule: {rule}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_html.py" line="206"/>
        <source>本周无</source>
        <translation>None this week</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_html.py" line="235"/>
        <source>共 {n} 条，此处列出前 {limit} 条；完整名单请在登记表中筛选导出。</source>
        <translation>{n} in all, the first {limit} listed here; filter the register and export it for the full list.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="64"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="250"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="532"/>
        <source>区县</source>
        <translation>County/district</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="89"/>
        <source>{cn}、{title}</source>
        <translation>{n}. {title}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="110"/>
        <source>市级汇总</source>
        <translation>city summary</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="110"/>
        <source>区县</source>
        <comment>edition</comment>
        <translation>unit</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="111"/>
        <source>填报单位：{scope}（{edition}）统计周期：{start} 至 {end}  周次：{week}  统计口径：{rule}</source>
        <translation>Reporting unit: {scope} ({edition})  Period: {start} to {end}  Week: {week}  Counting rule: {rule}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="126"/>
        <source>主要指标</source>
        <translation>Headline figures</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="127"/>
        <source>{n} 个</source>
        <translation>{n}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="129"/>
        <source>{n} 个，完成 {p}</source>
        <translation>{n}, {p} reached</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="131"/>
        <source>未设置</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="133"/>
        <source>未设置本区县年度目标</source>
        <translation>Not set for this unit</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="138"/>
        <source>达标</source>
        <translation>met</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="138"/>
        <source>超出</source>
        <translation>exceeded</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="139"/>
        <source>（控制线 ≤{max}%，{verdict}）</source>
        <translation> (limit {max}%, {verdict})</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="145"/>
        <source>{n} 个（另有暂缓 {m} 个）</source>
        <translation>{n} (and {m} suspended)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="148"/>
        <source>{n} 元</source>
        <translation>{n} yuan</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="151"/>
        <source>累计开通5G基站</source>
        <translation>5G stations on air (cumulative)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="153"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="214"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="257"/>
        <source>本周新开通</source>
        <translation>New on air this week</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="157"/>
        <source>{year}年目标</source>
        <translation>{year} target</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="159"/>
        <source>SA 基站占比</source>
        <translation>SA share</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="160"/>
        <source>{p}（{n} 个）</source>
        <translation>{p} ({n})</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="163"/>
        <source>转供电基站占比</source>
        <translation>Indirect power</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="165"/>
        <source>直供电改造完成</source>
        <translation>Conversions done</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="166"/>
        <source>累计 {total} 个，本周 {week} 个</source>
        <translation>{total} in all, {week} this week</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="171"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="365"/>
        <source>免费开放场所</source>
        <translation>Free-access venues</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="173"/>
        <source>本周 {week} 处，累计 {total} 处</source>
        <translation>{week} this week, {total} in all</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="177"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="263"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="390"/>
        <source>共享杆塔</source>
        <translation>Shared poles</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="178"/>
        <source>本周 {week} 根，累计 {total} 根</source>
        <translation>{week} this week, {total} in all</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="183"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="306"/>
        <source>审批超30天未办结</source>
        <translation>Approvals &gt;30 days</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="184"/>
        <source>{n} 项</source>
        <translation>{n}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="185"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="307"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="579"/>
        <source>逾期未开通基站</source>
        <translation>Overdue stations</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="189"/>
        <source>SA补助累计</source>
        <translation>SA subsidy to date</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="191"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="651"/>
        <source>其中本周新增</source>
        <translation>of which this week</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="203"/>
        <source>图1 累计开通5G基站与目标（按周，截至本周末）</source>
        <translation>Figure 1 Stations on air and the target (weekly, at each week&apos;s end)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="208"/>
        <source>分运营商情况</source>
        <translation>By operator</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="212"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="335"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="552"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="582"/>
        <source>运营商</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="213"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="256"/>
        <source>累计开通</source>
        <translation>On air</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="215"/>
        <source>SA基站</source>
        <translation>SA</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="216"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="260"/>
        <source>SA占比</source>
        <translation>SA share</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="217"/>
        <source>转供电</source>
        <translation>Indirect</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="218"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="261"/>
        <source>转供电占比</source>
        <translation>Indirect share</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="219"/>
        <source>补助（元）</source>
        <translation>Subsidy (yuan)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="236"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="249"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="541"/>
        <source>全市</source>
        <translation>Whole city</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="251"/>
        <source>分区县情况</source>
        <translation>By unit</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="258"/>
        <source>年度目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="259"/>
        <source>完成率</source>
        <translation>Reached</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="262"/>
        <source>开放场所</source>
        <translation>Venues</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="264"/>
        <source>本周周报</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="721"/>
        <source>已报</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="723"/>
        <source>未报（{carried}）</source>
        <translation>Not returned ({carried})</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="523"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="724"/>
        <source>未报</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="292"/>
        <source>已报 {n}</source>
        <translation>{n} received</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="300"/>
        <source>各区县本周变化和需关注事项</source>
        <translation>Changes and open matters by unit</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="305"/>
        <source>本周新登记/开通基站</source>
        <translation>Stations registered / on air</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="314"/>
        <source>本周未报送周报的区县（{n} 个）：</source>
        <translation>Units without a return this week ({n}): </translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="318"/>
        <source>{name}（{carried}）</source>
        <translation>{name} ({carried})</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="326"/>
        <source>本周各区县均已报送。</source>
        <translation>Every unit has sent its return this week.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="330"/>
        <source>本周新增和开通基站</source>
        <translation>Stations registered or put on air this week</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="336"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="553"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="583"/>
        <source>基站编码</source>
        <translation>Station code</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="337"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="554"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="584"/>
        <source>基站名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="338"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="445"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="339"/>
        <source>组网</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="340"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="461"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="585"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="341"/>
        <source>开通日期</source>
        <translation>On air</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="342"/>
        <source>情况</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="364"/>
        <source>本周免费开放场所和共享杆塔</source>
        <translation>Venues opened and poles shared this week</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="369"/>
        <source>场所编号</source>
        <translation>Venue code</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="370"/>
        <source>场所名称</source>
        <translation>Venue name</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="372"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="373"/>
        <source>开放日期</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="374"/>
        <source>已进入运营商</source>
        <translation>Operators in</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="394"/>
        <source>杆塔编号</source>
        <translation>Pole code</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="395"/>
        <source>名称/位置</source>
        <translation>Name/location</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="397"/>
        <source>杆塔类型</source>
        <translation>Pole type</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="398"/>
        <source>共享日期</source>
        <translation>Shared on</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="399"/>
        <source>共享运营商</source>
        <translation>Sharing operators</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="420"/>
        <source>本周变化</source>
        <translation>Changes this week</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="427"/>
        <source>与第{week}周报表（{time} 导出）相比</source>
        <translation>Since the return of week {week} (exported {time})</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="431"/>
        <source>与第{week}周截止时间（{time}）相比</source>
        <translation>Since the cut-off of week {week} ({time})</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="435"/>
        <source>截至本周截止时间 {time}</source>
        <translation>up to this week&apos;s cut-off {time}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="437"/>
        <source>截至目前</source>
        <translation>up to now</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="439"/>
        <source>{since}，{until}。</source>
        <translation>{since}, {until}.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="442"/>
        <source>本周无变化</source>
        <translation>No changes this week</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="446"/>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="447"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="448"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="459"/>
        <source>新增记录</source>
        <translation>Records added</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="467"/>
        <source>状态变化</source>
        <translation>Status changes</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="469"/>
        <source>原状态</source>
        <translation>Old status</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="469"/>
        <source>新状态</source>
        <translation>New status</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="475"/>
        <source>改为直供电</source>
        <translation>Converted to direct power</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="477"/>
        <source>原供电方式</source>
        <translation>Old power supply</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="477"/>
        <source>改造完成日期</source>
        <translation>Conversion done</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="483"/>
        <source>删除和恢复</source>
        <translation>Deleted and restored</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="485"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="491"/>
        <source>其他更正</source>
        <translation>Other corrections</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="493"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="493"/>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="493"/>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="502"/>
        <source>{title}（{n} 条）</source>
        <translation>{title} ({n})</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="511"/>
        <source>另有 {n} 条未列出。</source>
        <translation>{n} more not listed.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="515"/>
        <source>各区县本周报表与其上一份已接收报表相比的记录变化（基站、场所、杆塔）。</source>
        <translation>Records changed in each unit&apos;s return of this week against its previous accepted return (stations, venues and poles).</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="533"/>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="534"/>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="547"/>
        <source>审批超过30天未办结事项</source>
        <translation>Approvals open more than 30 days</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="555"/>
        <source>审批事项</source>
        <translation>Approval item</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="556"/>
        <source>申请日期</source>
        <translation>Applied on</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="557"/>
        <source>已等待（天，至本周末）</source>
        <translation>Waiting (days, to the week&apos;s end)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="574"/>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="607"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="586"/>
        <source>计划开通日期</source>
        <translation>Planned on air</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="587"/>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="589"/>
        <source>逾期 {n} 天</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="610"/>
        <source>不含暂缓的基站（{n}个），另列于下表。</source>
        <translation>Suspended stations ({n}) are not included; they are listed below.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="612"/>
        <source>暂缓的基站（已过计划开通日期）</source>
        <translation>Suspended stations (past their planned on-air date)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="617"/>
        <source>转供电与直供电改造</source>
        <translation>Indirect power and conversion to direct supply</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="618"/>
        <source>截至本周末，已开通基站中转供电 {n} 个，占 {p}（2022年底前控制在 {max}% 以内）；直供电改造累计完成 {done} 个，本周完成 {week} 个。</source>
        <translation>At the week&apos;s end {n} stations on air have indirect power, {p} (at most {max}% by the end of 2022); conversions to direct supply: {done} in all, {week} this week.</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="632"/>
        <source>SA基站补助</source>
        <translation>SA station subsidy</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="636"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="637"/>
        <source>省级（元）</source>
        <translation>Province (yuan)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="638"/>
        <source>市级（元）</source>
        <translation>City (yuan)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="639"/>
        <source>区县级（元）</source>
        <translation>Unit (yuan)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="640"/>
        <source>合计（元）</source>
        <translation>Total (yuan)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="644"/>
        <source>累计应补</source>
        <translation>Due to date</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="660"/>
        <source>补助按全部已开通SA基站计（不受统计口径影响），每个基站：省级 2,500 元；市、区县共 2,500 元（县 市3：县7，区 市7：区3）。</source>
        <translation>Subsidy for every SA station on air, whatever the counting rule: 2,500 yuan from the province and 2,500 from city and unit (county 3:7, district 7:3).</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="668"/>
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="673"/>
        <source>（本周未填写）</source>
        <translation>(none entered this week)</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="678"/>
        <source>填报人：{name}</source>
        <translation>Prepared by: {name}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="679"/>
        <source>审核人：{name}</source>
        <translation>Reviewed by: {name}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="680"/>
        <source>单位负责人：{name}</source>
        <translation>Head of unit: {name}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="681"/>
        <source>日期：{name}</source>
        <translation>Date: {name}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="689"/>
        <source>生成时间：{time}</source>
        <translation>Generated: {time}</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="696"/>
        <source>附图&#x3000;本周新增和开通基站分布</source>
        <translation>Map: stations registered and put on air this week</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="700"/>
        <source>{scope}全部基站截至{end}的位置，本周（{start}至{end}）新登记和开通的基站突出显示</source>
        <translation>All stations of {scope} as at {end}; those registered or put on air this week ({start} to {end}) highlighted</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_sections.py" line="729"/>
        <source>沿用{year}年第{week}周数据</source>
        <translation>figures of week {week}, {year} carried</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_map.py" line="148"/>
        <source>市区放大</source>
        <translation>Urban districts enlarged</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_map.py" line="269"/>
        <source>本周开通（{n}个）</source>
        <translation>On air this week ({n})</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_map.py" line="270"/>
        <source>本周新登记（{n}个）</source>
        <translation>Registered this week ({n})</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_map.py" line="271"/>
        <source>其他基站（{n}个）</source>
        <translation>Other stations ({n})</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_map.py" line="289"/>
        <source>{km}公里</source>
        <translation>{km} km</translation>
    </message>
    <message>
        <location filename="../../kf5g_desktop/gui/report_map.py" line="291"/>
        <source>坐标为CGCS2000（WGS-84）；无底图</source>
        <translation>Coordinates in CGCS2000 (WGS-84); no base map</translation>
    </message>
</context>
</TS>
