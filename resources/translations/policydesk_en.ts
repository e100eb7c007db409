<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>DraftPage</name>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="82"/>
        <location filename="../../desktop/ui/draft_page.py" line="87"/>
        <location filename="../../desktop/ui/draft_page.py" line="331"/>
        <source>起草</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="88"/>
        <source>根据当前来文和单位资料起草；再次起草时保留您修改过的段落</source>
        <translation>Draft from the current notice and the profile; redrafting keeps the sections you edited</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="90"/>
        <source>导出 .docx…</source>
        <translation>Export .docx…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="92"/>
        <location filename="../../desktop/ui/draft_page.py" line="120"/>
        <source>页面预览</source>
        <translation>Page preview</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="94"/>
        <source>任务分工表 →</source>
        <translation>Task table →</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="98"/>
        <source>起草的文种：印发实施方案、印发工作方案，或直接转发上级来文</source>
        <translation>What to draft: an implementation plan, a work plan, or a forwarding notice</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="101"/>
        <source>文种</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="110"/>
        <source>点击“起草”生成方案正文，可直接在此修改。</source>
        <translation>Click “Draft” to write the plan; edit it here.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="112"/>
        <source>印发通知的正文将在起草后显示。</source>
        <translation>The cover notice appears after drafting.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="115"/>
        <source>导出 .docx 后点击“页面预览”查看排版效果（需要 LibreOffice）。</source>
        <translation>Export the .docx, then click “Page preview” to see the pages (needs LibreOffice).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="118"/>
        <source>实施方案</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="119"/>
        <source>印发通知</source>
        <translation>Cover notice</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="123"/>
        <source>上级原文</source>
        <translation>Superior text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="123"/>
        <source>本县改为</source>
        <translation>County version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="123"/>
        <source>位置</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="124"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="131"/>
        <source>双击一条提示，转到任务分工表中的该项任务</source>
        <translation>Double-click a finding to go to its task in the task table</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="136"/>
        <source>替换清单（请逐项核对）</source>
        <translation>Substitutions (please review each)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="138"/>
        <source>完整性检查</source>
        <translation>Completeness check</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="168"/>
        <source>发文信息</source>
        <translation>Outgoing document</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="170"/>
        <source>输入序号（如 12）或完整字号</source>
        <translation>Serial (e.g. 12) or the full number</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="171"/>
        <source>只输入序号时，按单位资料的发文字号代字和成文日期的年份补全</source>
        <translation>A bare serial is completed with the office&apos;s number prefix and the year of the date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="177"/>
        <source>默认为今天；不能早于上级来文的成文日期</source>
        <translation>Today by default; never before the superior notice&apos;s date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="181"/>
        <location filename="../../desktop/ui/draft_page.py" line="186"/>
        <source>不标注</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="187"/>
        <source>可加保密期限，如“秘密★1年”</source>
        <translation>A period may follow, e.g. 秘密★1年</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="190"/>
        <source>多个机关用“、”分隔</source>
        <translation>Separate organs with 、</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="193"/>
        <source>上行文（报告、请示）填写</source>
        <translation>For upward documents (reports, requests)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="194"/>
        <source>签发人只标注在上行文的版头；印发通知是下行文，一般不填</source>
        <translation>The signer is printed only on upward documents; an issuing notice goes downward and usually has none</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="198"/>
        <source>发文字号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="198"/>
        <source>成文日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="199"/>
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="199"/>
        <source>抄送</source>
        <translation>Copy to</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="200"/>
        <source>签发人</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="200"/>
        <source>密级</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="331"/>
        <source>重新起草</source>
        <translation>Redraft</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="336"/>
        <source>起草模块（drafting.plan_builder）尚未安装，暂不能起草。</source>
        <translation>The drafting module (drafting.plan_builder) is not installed yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="338"/>
        <source>请先在“收文”中打开一份上级来文。</source>
        <translation>Open a superior notice under Receive first.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_page.py" line="439"/>
        <source>未发现缺项：每项任务都有牵头单位和时限。</source>
        <translation>Nothing missing: every task has a lead unit and a deadline.</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <location filename="../../desktop/main_window.py" line="49"/>
        <source>知道了</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="60"/>
        <source>查找当前页中的文字</source>
        <translation>Find text on this page</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="62"/>
        <source>上一个</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="64"/>
        <source>下一个</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="66"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="71"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
</context>
<context>
    <name>HighlightedText</name>
    <message>
        <location filename="../../desktop/ui/parse_page.py" line="76"/>
        <source>OCR 识别置信度低，请核对</source>
        <translation>Low OCR confidence, please check</translation>
    </message>
</context>
<context>
    <name>JobBar</name>
    <message>
        <location filename="../../desktop/ui/job_bar.py" line="22"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/job_bar.py" line="23"/>
        <source>停止当前任务</source>
        <translation>Stop the current job</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="68"/>
        <source>PolicyDesk 公文助手</source>
        <translation>PolicyDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="78"/>
        <source>收文</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="78"/>
        <source>解析</source>
        <translation>Parse</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="78"/>
        <source>起草</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="78"/>
        <source>分工</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="78"/>
        <source>督办</source>
        <translation>Tracking</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="78"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="79"/>
        <source>打开和管理上级来文</source>
        <translation>Open and manage superior notices</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="79"/>
        <source>核对提取结果并修改</source>
        <translation>Check and correct the extracted values</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="79"/>
        <source>起草实施方案和印发通知</source>
        <translation>Draft the plan and its cover notice</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="80"/>
        <source>编辑任务分工表</source>
        <translation>Edit the task table</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="80"/>
        <source>交办、跟踪和催办</source>
        <translation>Delegate, track and chase</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="80"/>
        <source>单位资料、版式和节假日</source>
        <translation>Profile, layout and holidays</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="136"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="137"/>
        <source>打开来文…</source>
        <translation>Open notices…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="141"/>
        <source>最近打开</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="143"/>
        <source>从收文中移除…</source>
        <translation>Remove from Receive…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="146"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="148"/>
        <source>打印“起草”的页面预览，或“解析”中的原件</source>
        <translation>Print the page preview of Draft, or the source shown in Parse</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="152"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="157"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="158"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="160"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="170"/>
        <source>查找…</source>
        <translation>Find…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="175"/>
        <source>转到(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="182"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="183"/>
        <source>关于 PolicyDesk</source>
        <translation>About PolicyDesk</translation>
    </message>
</context>
<context>
    <name>ParsePage</name>
    <message>
        <location filename="../../desktop/ui/parse_page.py" line="99"/>
        <source>解析</source>
        <translation>Parse</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parse_page.py" line="101"/>
        <location filename="../../desktop/ui/parse_page.py" line="175"/>
        <source>尚未打开来文。请先在“收文”中打开文件。</source>
        <translation>No notice open yet. Open a file under Receive first.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parse_page.py" line="104"/>
        <source>图例：</source>
        <translation>Legend:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parse_page.py" line="109"/>
        <source>识别可信度低</source>
        <translation>Low recognition confidence</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parse_page.py" line="120"/>
        <source>原件为文本格式，右侧即为全文。</source>
        <translation>The original is text: the full text is on the right.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parse_page.py" line="148"/>
        <source>提取结果</source>
        <translation>Extracted values</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parse_page.py" line="149"/>
        <source>提纲</source>
        <translation>Outline</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parse_page.py" line="150"/>
        <source>双击修改，Ctrl+Z 撤销，Ctrl+Y 重做，修改自动保存</source>
        <translation>Double-click to correct; Ctrl+Z undo, Ctrl+Y redo; saved automatically</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parse_page.py" line="152"/>
        <source>提示</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parse_page.py" line="218"/>
        <source>无</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>ReceivePage</name>
    <message>
        <location filename="../../desktop/ui/receive_page.py" line="48"/>
        <source>收文</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receive_page.py" line="50"/>
        <source>打开上级来文（.docx、.pdf、扫描件、.txt、.ofd），可一次选择多个文件，也可直接拖放到此窗口。</source>
        <translation>Open notices from superiors (.docx, .pdf, scans, .txt, .ofd); select several at once or drop them on this window.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receive_page.py" line="52"/>
        <source>打开文件…</source>
        <translation>Open files…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receive_page.py" line="55"/>
        <source>查看解析</source>
        <translation>View parse</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receive_page.py" line="57"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receive_page.py" line="58"/>
        <source>把所选来文从收文中移除（原文件不删除）</source>
        <translation>Remove the selected notice from Receive (the file is kept)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receive_page.py" line="78"/>
        <source>尚未收文。点击“打开文件…”或把文件拖到这里。</source>
        <translation>Nothing received yet. Click “Open files…” or drop files here.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receive_page.py" line="84"/>
        <source>双击重新打开</source>
        <translation>Double-click to reopen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receive_page.py" line="88"/>
        <source>最近打开</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receive_page.py" line="94"/>
        <source>已收来文</source>
        <translation>Received notices</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="51"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="55"/>
        <source>单位资料（起草时用于替换上级机关、确定责任单位和时限）</source>
        <translation>County profile (used to localise organs, units and deadlines)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="63"/>
        <source> 个工作日</source>
        <translation> working days</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="64"/>
        <source>比上级时限提前</source>
        <translation>Ahead of superior deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="66"/>
        <source>姓名 电话 邮箱</source>
        <translation>Name phone e-mail</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="67"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="69"/>
        <source>每行一个股室</source>
        <translation>One department per line</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="70"/>
        <source>内设股室</source>
        <translation>Departments</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="72"/>
        <source>每行一组：各乡镇卫生院：甲镇卫生院、乙镇卫生院</source>
        <translation>One group per line: group: member、member</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="73"/>
        <source>下属单位</source>
        <translation>Subordinate units</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="75"/>
        <source>每行一位：姓名 职务</source>
        <translation>One per line: name post</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="76"/>
        <source>领导</source>
        <translation>Leaders</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="79"/>
        <source>保存单位资料</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="84"/>
        <source>版式与模板</source>
        <translation>Layout and templates</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="88"/>
        <source>版式方案</source>
        <translation>Layout profile</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="94"/>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="99"/>
        <source>自定义模板</source>
        <translation>Custom templates</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="100"/>
        <source>把 templates 中的模板复制到此文件夹并修改，同名文件优先使用。</source>
        <translation>Copy templates here and edit them; a file here overrides the bundled one of the same name.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="103"/>
        <source>节假日与调休</source>
        <translation>Holidays and make-up days</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="110"/>
        <source>重新载入</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="112"/>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="119"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="119"/>
        <source>星期</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="119"/>
        <source>安排</source>
        <translation>Arrangement</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="182"/>
        <source>已保存的单位资料</source>
        <translation>Saved profile</translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message>
        <location filename="../../desktop/ui/table_page.py" line="41"/>
        <source>分工</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/table_page.py" line="43"/>
        <location filename="../../desktop/ui/table_page.py" line="214"/>
        <source>请先在“起草”中起草实施方案。</source>
        <translation>Draft a plan on the Draft page first.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/table_page.py" line="73"/>
        <source>导出 .docx…</source>
        <translation>Export .docx…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/table_page.py" line="75"/>
        <source>导出 .xlsx…</source>
        <translation>Export .xlsx…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/table_page.py" line="77"/>
        <source>交办督办 →</source>
        <translation>Delegate →</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/table_page.py" line="78"/>
        <source>把方案和每项任务的牵头、配合单位登记到督办台账</source>
        <translation>Record the plan and each task&apos;s lead and supporting units in the tracking ledger</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/table_page.py" line="80"/>
        <source>插入行</source>
        <translation>Insert row</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/table_page.py" line="81"/>
        <source>在所选行下方插入一项任务</source>
        <translation>Insert a task below the selected row</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/table_page.py" line="83"/>
        <source>删除行</source>
        <translation>Delete row</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/table_page.py" line="85"/>
        <source>拆分</source>
        <translation>Split</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/table_page.py" line="86"/>
        <source>把所选任务的具体措施在句末拆成两项</source>
        <translation>Split the selected task&apos;s measures in two at a sentence end</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/table_page.py" line="88"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/table_page.py" line="90"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/table_page.py" line="101"/>
        <source>双击单元格修改：单位可输入简称并从单位资料中补全，时限用日历选择（红色为法定节假日，蓝色下划线为调休上班）。</source>
        <translation>Double-click a cell to edit: units complete from the profile; dates use a calendar (red: public holiday, blue underline: make-up working day).</translation>
    </message>
</context>
<context>
    <name>TrackPage</name>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="58"/>
        <source>督办</source>
        <translation>Tracking</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="71"/>
        <source>按此日期计算红黄蓝灯</source>
        <translation>Compute the red/yellow/blue lights as of this date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="73"/>
        <source>方案</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="73"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="74"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="80"/>
        <source>单位资料中没有的责任单位，等待确认由谁承担</source>
        <translation>Units the county profile does not list, waiting for you to say who does the work</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="104"/>
        <location filename="../../desktop/ui/track_page.py" line="369"/>
        <source>选择一行查看详情。</source>
        <translation>Select a row to see details.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="108"/>
        <source>更新状态</source>
        <translation>Update status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="111"/>
        <source>单位反馈的办理情况…</source>
        <translation>What the unit reported…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="113"/>
        <source>登记反馈</source>
        <translation>Record feedback</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="115"/>
        <source>办理情况</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="126"/>
        <source>附件…</source>
        <translation>Files…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="127"/>
        <source>选择单位报来的材料，随反馈一并登记</source>
        <translation>Choose the material the unit sent, recorded with the feedback</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="138"/>
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="139"/>
        <source>追加交办</source>
        <translation>Delegate too</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="140"/>
        <source>把所选事项的任务再交办给另一个单位</source>
        <translation>Hand the selected item&apos;s task to one more unit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="145"/>
        <source>交办给</source>
        <translation>Delegate to</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="208"/>
        <source>报送情况</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="213"/>
        <source>办理记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="219"/>
        <source>工作达成率 = 按时完成 ÷ 截至当日应完成（周期性任务按次计）</source>
        <translation>On-time rate = done on time ÷ due by the date shown (each report of a recurring duty counts)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="220"/>
        <source>工作达成率</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="233"/>
        <source>单位资料中的单位</source>
        <translation>A unit of the county profile</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="234"/>
        <source>单位组分别交办各成员</source>
        <translation>Delegate a group to each member</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="235"/>
        <source>交办给该单位</source>
        <translation>Delegate to this unit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="237"/>
        <source>不交办</source>
        <translation>Do not delegate</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="240"/>
        <source>确认为</source>
        <translation>Settle as</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="247"/>
        <source>待确认单位</source>
        <translation>Units to settle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="338"/>
        <source>没有符合筛选条件的事项。</source>
        <translation>No items match the filters.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="74"/>
        <location filename="../../desktop/ui/track_page.py" line="121"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="122"/>
        <source>反馈</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="147"/>
        <source>起草催办通知…</source>
        <translation>Draft reminder…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="149"/>
        <source>起草进展报告…</source>
        <translation>Draft progress report…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="151"/>
        <source>导出台账…</source>
        <translation>Export ledger…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="153"/>
        <source>导出日历（.ics）…</source>
        <translation>Export calendar (.ics)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="154"/>
        <source>把未办结事项的时限导入 Outlook、手机等日历</source>
        <translation>Put the deadlines of open items into Outlook or a phone calendar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="156"/>
        <source>文书</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/track_page.py" line="336"/>
        <source>督办库中还没有交办事项：在“分工”中点击“交办督办”。</source>
        <translation>No delegations yet: click “Delegate” on the Tasks page.</translation>
    </message>
</context>
</TS>
