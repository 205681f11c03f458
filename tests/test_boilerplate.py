"""Page furniture removed by practice_kb.ingest.Ingest().read, and real content kept."""
from __future__ import annotations

import pytest

from practice_kb.ingest import Ingest

TITLE = "青石镇基层治理工作总结(精选3篇)"
TITLE_MENDED = "青石镇基层治理工作总结（精选3篇）"   # half-width brackets around Chinese: full-width
HEADING = "青石镇基层治理工作总结 篇1"
BODY = "今年以来，青石镇党委坚持以人民为中心，扎实推进基层治理各项工作。"
MORE = "全镇共排查化解矛盾纠纷八十余件，群众满意度明显提升。"


@pytest.fixture(scope="module")
def ingest() -> Ingest:
    return Ingest()


def read(ingest: Ingest, *lines: str):
    return ingest.read("qingshi.txt", "\n".join(lines).encode("utf-8"))


def texts(document) -> list[str]:
    return [text for _, text in document.paragraphs]


def removed(document) -> list[tuple[int, str, str]]:
    return [(r.line, r.rule, r.text) for r in document.removed]


@pytest.mark.parametrize(("line", "rule"), [
    ("首页 工作总结 心得体会 调研报告 述职报告", "站点导航"),
    ("网站首页 范文大全 工作计划 活动方案", "站点导航"),
    ("版权声明：本站文章均由网友投稿，转载请注明出处", "版权与投稿"),
    ("Copyright © 2023 某某范文网 版权所有", "版权与投稿"),
    ("上一篇：云溪县教育工作总结", "上一篇/下一篇"),
    ("下一篇：云溪县卫生健康工作总结", "上一篇/下一篇"),
    ("栏目：工作总结 发布于：2023-05-01 人气：120", "发布信息"),
    ("发布时间：2023-06-18", "发布信息"),
    ("本文档由用户上传，仅供学习交流，如有侵权请联系删除。", "文库下载"),
    ("免费下载全文", "文库下载"),
    ("↑↑↑ 点击上方“滨江统战”，设为星标，第一时间获取最新动态", "关注与分享"),
    ("☝点击上面蓝色字体可订阅", "关注与分享"),
    ("位置：范文网 / 汇报材料 / 工作汇报", "面包屑导航"),
    ("某文库 > 党团工作 > 心得体会 > 参加全市社区党组织书记统战工作培训的心得体会", "面包屑导航"),
    ("云盘文档 | 云溪乡党政办 > 统战工作 > 2025", "面包屑导航"),
    ("政务号 · 2025-06-18 09:12 · 云溪", "发布信息"),
    ("原创 宣传组 滨江统战 发表于 2025年03月08日 09:15", "发布信息"),
    ("导读：工作总结范文(通用3篇)由网友投稿整理，希望对大家有所帮助，欢迎阅读与借鉴。", "文库下载"),
    ("本文档共6页，可免费阅读3页", "文库下载"),
    ("↓↓↓ 点击下载完整Word文档 ↓↓↓", "文库下载"),
    ("青石镇2024年统战工作总结.docx", "文件名"),
    ("附件：青石镇统战对象台账.xls", "文件名"),
    ("（选送单位：云溪县青石镇党委）", "发布信息"),
    ("云溪日报 +关注", "关注与分享"),
    ("云溪日报记者 梁远山 通讯员 宋晓禾", "编辑与审核"),
    ("相似文档", "推荐列表"),
    ("326篇原创内容", "账号简介"),
    ("公众号", "账号简介"),
    ("云溪县委统战部调研组", "署名"),
    ("统战信息专报", "刊头"),
    ("云溪县委统战部办公室 2025年4月3日", "刊头"),
    ("约4分钟读完", "文库下载"),
    ("字数 1320 阅读约需 3 分钟", "文库下载"),
    ("特别声明：本文为某某号作者上传并发布，仅代表该作者观点。", "文库下载"),
    ("发件人：青石镇党政办<qs_dzb@oa.example.cn>", "邮件"),
    ("回复 回复全部 转发 删除 标记为未读", "邮件"),
    ("—————— 正文 ——————", "分隔线"),
    ("<!-- 导出自 工作交流平台 2025-10-20 -->", "页面代码"),
    ("编辑丨小云", "编辑与审核"),
    ("📍往期推荐", "推荐列表"),
    ("作者最新文章", "推荐列表"),
    ("分享 👍点赞 ❤在看", "关注与分享"),
    ("点个「在看」，你最好看", "关注与分享"),
    ("转发 26", "关注与分享"),
    ("25-3-21 16:40 来自 微博网页版", "发布信息"),
    ("云溪统战 2025年8月12日 19:30 江西", "发布信息"),
    ("2025-04-18 09:26 云溪新闻眼官方帐号", "发布信息"),
    ("编号：YX-2025-017", "刊头"),
    ("云问　首页　发现　等你来答　　搜索你感兴趣的内容…　　提问", "站点导航"),
    ("某文库　　首页　|　分类　|　专题　|　VIP专区　　　　登录　注册　开通VIP", "站点导航"),
    ("标　　题：云溪县民族宗教事务局2024年工作总结", "发布信息"),
    ("主 讲 人：县委党校统战理论教研室　何某", "发布信息"),
    ("本文来源：云溪县委统战部", "发布信息"),
    ("关注问题　写回答　邀请回答　好问题 18　添加评论　分享", "问答社区"),
    ("关注者 412　被浏览 36,287", "问答社区"),
    ("236 人赞同了该回答", "问答社区"),
    ("赞同 236　\u200b▼　\u200b 12 条评论　\u200b 分享　\u200b 收藏", "问答社区"),
    ("谢邀。", "问答社区"),
    ("【批注 李某 2025-10-09 14:32】建议与上年数据作对比，体现工作成效。", "文档协作"),
    ("批注 [Z1]: 数据请与县民宗局年报核对一致。（张某）", "文档协作"),
    ("待办：@吴某 @蓝某 7月5日前报县委统战部", "文档协作"),
    ("🔒 仅组织内成员可查看", "文档协作"),
    ("✔ 已解决", "文档协作"),
    ("本文档由云盘文档导出　导出时间：2025-07-03 16:25", "文档协作"),
    ("蓝某某　07-02 10:15　“入库在外乡贤68人”这个数是不是跟县里报的对不上？", "文档协作"),
    ("#调研 #乡村治理 #统战", "笔记链接"),
    ("![[青石村议事角.jpg]]", "笔记链接"),
    ("- [[乡村治理案例汇总]]", "笔记链接"),
    ("文档目录", "目录"),
    ("青石乡2025年上半年统一战线工作总结.adoc", "文件名"),
    ("——免费预览已结束，剩余2页可下载查看——", "文库下载"),
    ("（以上发言根据录音整理，未经本人审阅）", "编辑与审核"),
    ("文／青石村侨联小组　林某　　2025年11月20日", "署名"),
    ("〔2025〕5号", "刊头"),
    ("云溪县委统战部办公室　　　　　　　　2025年9月22日印发", "刊头"),
    ("中共云溪县委党校·2025年秋季学期主体班讲义", "刊头"),
    ("使用小程序", "页面工具"),
    ("首页", "站点导航"),
    ("大家正在搜：青岚秋季人才招聘会", "账号简介"),
    ("V 青岚县白沙镇党委统战办公室官方微号", "账号简介"),
    ("7-15 09:32 · 来自 微号网页版 · 已编辑", "发布信息"),
    ("立即注册 | 找回密码", "论坛工具"),
    ("UID 20417 · 主题 12 · 帖子 96 · 积分 418", "论坛工具"),
    ("本帖最后由 阿哲在青岚 于 2025-5-21 08:15 编辑", "论坛工具"),
    ("回复 引用 举报 评分", "论坛工具"),
    ("— 1O —", "页码"),
    ("===== 第 3 页 =====", "页码"),
    ("中 共 青 岚 县 委 统 一 战 线 工 作 部 文 件", "刊头"),
    ("青统发〔2025〕12号　　　　　　　　签发人：林某", "刊头"),
    ("（青岚县民族宗教事务局　2025年9月印）", "刊头"),
    ("—— 青岚市委统战部办公室　2025年11月编印 ——", "刊头"),
    ("青岚市“我与统一战线”主题征文活动", "刊头"),
    ("【印章：青岚县民族宗教事务局】", "文档协作"),
    ("【手写批注：请各乡镇（街道）参阅。9.16】", "文档协作"),
    ("扫描件：交流材料（第9-14页）.pdf　OCR识别结果　识别引擎 v3.2", "文档协作"),
    ("本文档由「青岚大学统战知识库」导出 · 2025-11-05 09:03", "文档协作"),
    ("（2025年3月6日，根据录音整理，未经本人审阅）", "编辑与审核"),
    ("（整理：县委办公室秘书科）", "编辑与审核"),
    ("调研组：青岚大学党委统战部、化学化工学院党委；执笔：许某；数据截至2025年10月。", "署名"),
    ('<a name="Kx1pA"></a>', "页面代码"),
    (":::info", "页面代码"),
    ('<font style="color:#8c8c8c;">图1　学院教职工政治面貌构成</font>', "图片与图注"),
    ("【此处插入柱状图：2024—2025年骑手参与社区活动人次对比】", "图片与图注"),
    ("数据来源：课题组问卷调查，下同。", "图片与图注"),
    ("附：调查问卷样表（略）", "图片与图注"),
    ("本邮件及附件可能含有内部工作信息，如您不是指定收件人，请立即删除。", "邮件"),
    ("备注：开场问候，自我介绍，整个汇报控制在12分钟以内。", "演示文稿"),
    ("共 11 张幻灯片", "演示文稿"),
    ("文章学习每日上限12分，本篇有效阅读满1分钟 +1分", "学习平台"),
    ("学员李**：会客厅这个形式好，企业家说话不拘束。　2025-10-10", "学习平台"),
    ("┌──────────┬────────────────────────────────┐", "表单"),
    ("│作者姓名  │蒋某某                                   │", "表单"),
    ("原创声明：本人承诺参赛作品系本人原创，未在公开出版物及网络发表。", "表单"),
    ("大家还在搜：新乡贤怎么发挥作用　乡贤理事会章程范本", "账号简介"),
    ("阅读 2.1万　点赞 318", "发布信息"),
    ("已关注", "站点导航"),
    ("【画面文字：青岚县东村党支部书记　韦某】", "图片与图注"),
    ("基地内，几名青年创业者正在讨论产品设计。（图／东湖街道提供）", "图片与图注"),
    ("消息记录（此消息记录为文本格式，不支持重新导入）", "聊天记录"),
    ("消息对象:青岚县镇村统战联络员交流群", "聊天记录"),
    ("陆某撤回了一条消息", "聊天记录"),
    ("[强][强]", "聊天记录"),
    ("打开某闻，阅读体验更好", "关注与分享"),
    ("（作者：方某　单位：青岚县委统战部）", "发布信息"),
    ("提案人：邵某（市工商联界别）", "发布信息"),
    ("联名人：韩某　卢某　冯某", "发布信息"),
    ("第0217号", "刊头"),
    ("政协青岚市第五届委员会第四次会议", "刊头"),
    ("提交人：吴某　　所属组织：青岚学院教工党支部", "发布信息"),
    ("共 2 条记录", "发布信息"),
    ("— 导出结束 —", "编辑与审核"),
    ("本纪要由AI生成，内容仅供参考，请注意甄别", "编辑与审核"),
    ("会议号：586 213 907", "发布信息"),
    ("召集人：严某（东塘镇统战委员）　记录人：莫某", "发布信息"),
    ("2025/10/21 09:15　最后更新：2025/10/21 11:40", "发布信息"),
    ("字级：小　中　大", "页面工具"),
    ("最新　政治　两岸　国际　财经　生活　地方　评论", "站点导航"),
    ("本期共印60份", "发送范围"),
    ("内部参阅　第9期", "刊头"),
    ("审查意见：经审查，同意立案，交市委统战部主办，市工商联、市人社局会办。", "提案办理"),
    ("类别：经济建设　　　　　　提交日期：2025年1月12日", "提案办理"),
    ("正文：", "提案办理"),
    ("2025-07-14 16:22 · 某家号认证：青岚县委统战部官方账号", "发布信息"),
    ("原创 青岚统战 青岚发布", "发布信息"),
    ("阅读 1.2万", "发布信息"),
    ("文｜青石街道党工委统战办", "署名"),
    ("上一篇　统战故事｜老街坊的“议事板凳”", "上一篇/下一篇"),
    ("3人喜欢", "关注与分享"),
    ("显示翻译", "关注与分享"),
    ("AI主播为您播报", "页面工具"),
    ("00:00 / 05:47", "页面工具"),
    ("倍速 1.0X", "页面工具"),
    ("【放大】【缩小】【默认】", "页面工具"),
    ("播报　编辑　讨论 5　上传视频", "百科"),
    ("本词条由“某科·乡村振兴计划”参与编辑并审核", "百科"),
    ("行政区类别\t行政村", "百科"),
    ("删除的内容: 较为", "文档协作"),
    ("带格式的: 缩进: 首行缩进:  2 字符", "文档协作"),
    ("所有者：某某　创建于 2025-06-25 15:02　最后修改于 2025-06-27 18:40", "文档协作"),
    ("审批流程", "提案办理"),
    ("【会签】某某（经济发展局）　2025-07-04 15:20　意见：同意，数据已核对。", "提案办理"),
    ("本审批单由某某协同办公平台自动生成，仅供内部流转使用", "提案办理"),
    ("主送：青岚市委统战部", "发送范围"),
    ("###", "分隔线"),
    ("（背景资料由青石县委统战部提供）", "发布信息"),
    ("某市哲学社会科学规划课题（LZ2024-117）", "论文信息"),
    ("基金资助：某市哲学社会科学规划课题", "论文信息"),
    ("博客访问：48,215", "发布信息"),
    ("新闻通稿（续）", "页码"),
    ("共 2 条日志　　导出　　打印", "页面工具"),
    ("邬　邬静远　　月度总结", "用户头像"),
    ("接收人：某区委统战部 林某；某街道党工委 陈某", "发布信息"),
    ("👍 赞 3　　💬 评论 2", "关注与分享"),
    ("2025-05-31 17:42　来自 某记 手机版", "发布信息"),
    ("全部　｜　未读（0）　｜　已读（2）", "站点导航"),
    ("{ PAGE \\* MERGEFORMAT }", "域代码"),
    ('{ HYPERLINK \\l "_Toc11521" }一、调研基本情况\t{ PAGEREF _Toc11521 \\h }', "目录"),
    ("浏览 318　　回复 46　　点赞 12", "发布信息"),
    ("要发送邮件到本列表，请写信至 list@lists.example.cn", "邮件"),
    ("在 2025年6月6日 星期五 09:30，某科 <a@example.cn> 写道：", "邮件"),
    ("> 各单位：请于6月10日前报送5月份基层统战工作信息。", "邮件"),
    ("各位老师：转发企业报来的典型案例一篇，供参考选用。", "邮件"),
    ("某描王　扫描文档　2025-07-02 16:20", "文档协作"),
    ("[手写:已核 6.30]", "文档协作"),
    ("— 3 一", "页码"),
    ("【画面】清晨，社区广场上，各族居民一起跳锅庄舞。", "脚本提示"),
    ("【PPT第2页：某镇航拍图】", "脚本提示"),
    ("【鞠躬，退场】", "脚本提示"),
    ("〔完〕", "脚本提示"),
    ("片名：同心聚力　共建家园", "发布信息"),
    ("某某区融媒体中心　专题片脚本", "刊头"),
    ("点击图片查看大图", "页面工具"),
    ("2. 全市基层统一战线工作典型案例汇编.pdf（2.3MB）　下载次数：152", "页面工具"),
    ("申报单位（盖章）：某某职业技术学院党委统战部", "表单"),
    ("申报类别：☑ 党外知识分子工作　□ 新的社会阶层人士工作", "表单"),
    ("注：本目数据由县委统战部提供。", "发布信息"),
    ("6月10日，某区“骑士驿站”志愿者为骑手免费检修电动车。　本报记者　苏某某　摄", "图片与图注"),
    ("·86·　某阳年鉴（2025）", "页码"),
])
def test_furniture_line_is_removed_and_recorded_under_its_rule(ingest, line, rule):
    document = read(ingest, TITLE, HEADING, BODY, line, MORE)
    assert line not in texts(document)
    assert (4, rule, " ".join(line.split())) in removed(document)    # recorded with its spaces as one
    assert texts(document) == [HEADING, BODY, MORE]


def test_removed_text_names_its_source_file(ingest):
    document = read(ingest, TITLE, HEADING, BODY, "上一篇：云溪县教育工作总结")
    assert [r.source for r in document.removed] == ["qingshi.txt"]


def test_collection_title_repeated_mid_article_is_removed_as_repeated_title(ingest):
    document = read(ingest, TITLE, HEADING, BODY, TITLE, MORE)
    assert texts(document) == [HEADING, BODY, MORE]
    assert (4, "重复标题", TITLE_MENDED) in removed(document)


def test_collection_title_repeated_with_another_count_suffix_is_removed(ingest):
    document = read(ingest, TITLE, HEADING, BODY, "青石镇基层治理工作总结3篇", MORE)
    assert texts(document) == [HEADING, BODY, MORE]
    assert (4, "重复标题", "青石镇基层治理工作总结3篇") in removed(document)


def test_title_pasted_twice_into_the_start_of_a_line_is_cut_off(ingest):
    run = "青石镇基层治理工作总结3篇青石镇基层治理工作总结3篇"
    document = read(ingest, TITLE, HEADING, BODY, run + "二、健全矛盾纠纷调处机制", MORE)
    assert texts(document) == [HEADING, BODY, "二、健全矛盾纠纷调处机制", MORE]
    assert (4, "标题连写", run) in removed(document)


def test_title_pasted_twice_before_the_first_article_keeps_the_rest_of_the_line(ingest):
    run = "青石镇基层治理工作总结3篇青石镇基层治理工作总结3篇"
    document = read(ingest, TITLE, run + "一、基本情况", BODY)
    assert texts(document) == ["一、基本情况", BODY]
    assert (2, "标题连写", run) in removed(document)


def test_empty_brackets_inside_a_sentence_are_removed(ingest):
    document = read(ingest, TITLE, HEADING, "镇里成立了()工作专班，每周召开一次调度会（ ）。")
    assert texts(document) == [HEADING, "镇里成立了工作专班，每周召开一次调度会。"]
    assert [(r.line, r.rule, r.text) for r in document.removed] == [
        (3, "空括号", "()"), (3, "空括号", "（ ）")]


def test_brackets_with_content_are_kept_in_the_mainland_form(ingest):
    line = "全镇新建文化广场(两处)，配套建设农家书屋（三个）。"
    document = read(ingest, TITLE, HEADING, line)
    assert texts(document) == [HEADING, "全镇新建文化广场（两处），配套建设农家书屋（三个）。"]
    assert ("punctuation", line) in [(r.kind, r.before) for r in document.repairs]


def test_keywords_line_is_kept(ingest):
    line = "[关键词] 基层治理；网格化管理；乡村振兴"
    document = read(ingest, TITLE, HEADING, line, BODY)
    assert texts(document) == [HEADING, line, BODY]
    assert document.removed == []


def test_reference_heading_and_reference_lines_are_kept(ingest):
    references = [
        "参考文献",
        "[1] 张三.论基层工作[J].某某学报,2010(2).",
        "[2] 李四.乡村治理的实践与思考[M].北京:某某出版社,2015.",
    ]
    document = read(ingest, TITLE, HEADING, BODY, *references)
    assert texts(document) == [HEADING, BODY, *references]
    assert document.removed == []


def test_long_sentence_that_mentions_copyright_is_kept(ingest):
    line = ("镇文化站在开展宣传工作时，始终注意尊重原作者的版权所有人权益，凡是转载的图片和文章都事先征得同意，"
            "并在显著位置注明出处和作者姓名，全年未发生一起侵权纠纷，得到了县委宣传部的充分肯定。")
    assert len(line) > 80
    document = read(ingest, TITLE, HEADING, line)
    assert texts(document) == [HEADING, line]
    assert document.removed == []


def test_document_title_is_taken_from_the_first_title_line(ingest):
    document = read(ingest, TITLE, HEADING, BODY)
    assert document.title == TITLE_MENDED
    assert TITLE not in texts(document)


def test_second_rendering_of_the_title_at_the_top_is_removed_as_repeated_title(ingest):
    document = read(ingest, TITLE, "青石镇基层治理工作总结", HEADING, BODY)
    assert document.title == TITLE_MENDED
    assert (2, "重复标题", "青石镇基层治理工作总结") in removed(document)
    assert texts(document) == [HEADING, BODY]


def test_section_heading_right_after_the_title_is_kept(ingest):
    document = read(ingest, "云溪县2023年农业农村工作总结", "一、基本情况", BODY)
    assert document.title == "云溪县2023年农业农村工作总结"
    assert texts(document) == ["一、基本情况", BODY]
    assert document.removed == []


def test_document_without_a_title_line_has_an_empty_title(ingest):
    document = read(ingest, BODY, MORE)
    assert document.title == ""
    assert texts(document) == [BODY, MORE]


def test_bracketed_keywords_right_after_the_title_are_kept(ingest):
    document = read(ingest, "云溪县乡村治理调研报告", "[关键词] 乡村治理 网格化 积分制", BODY)
    assert document.title == "云溪县乡村治理调研报告"
    assert texts(document) == ["[关键词] 乡村治理 网格化 积分制", BODY]


def test_a_wechat_byline_in_any_date_form_gives_date_author_and_account(ingest):
    document = read(ingest, "原创 宣传组 滨江统战 发表于 2025年03月08日 09:15", "滨江街道的同心服务站", BODY, MORE)
    assert document.metadata == {"date": "2025-03-08", "author": "宣传组", "source": "滨江统战"}
    assert document.title == "滨江街道的同心服务站" and texts(document) == [BODY, MORE]


def test_a_paragraph_that_uses_a_furniture_phrase_is_kept():
    # "扫描二维码" and "小程序" are follow-prompt words; in prose they are the article's.
    line = "居民扫描二维码即可报名参加活动，也可以到镇便民服务中心现场报名。镇里还开发了一个小程序，设置政策咨询等功能。"
    document = read(Ingest(), TITLE, HEADING, BODY, line, MORE)
    assert line in texts(document) and removed(document) == []


def test_a_collection_title_quoted_by_the_lead_in_above_it_is_the_title(ingest):
    lead = "导读：" + TITLE + "由网友投稿整理，希望对大家有所帮助。"
    document = read(ingest, lead, TITLE, HEADING, BODY)
    assert document.title == TITLE_MENDED and texts(document) == [HEADING, BODY]
    assert [r[1] for r in removed(document)] == ["文库下载"]


def test_a_papers_footnote_marks_author_line_and_funding_note_are_removed(ingest):
    paper = "\n".join([
        "# 县域统战工作数字化路径研究[^1]", "", "——以青石县为例", "",
        "林　远<sup>1</sup>，陈晓雯<sup>2</sup>", "",
        "青石县统战部于2022年建成统战信息平台，录入各类统战对象1500余人[^2]。", "",
        "[^1]: 基金项目：青石省社科基金项目“县域统战工作研究”（项目编号：QS23017）。",
        "[^2]: 数据来源：青石县委统战部2023年工作报告。"])
    document = ingest.read("paper.md", paper.encode("utf-8"))
    assert document.title == "县域统战工作数字化路径研究——以青石县为例"
    assert texts(document) == ["青石县统战部于2022年建成统战信息平台，录入各类统战对象1500余人。",
                               "[^2]: 数据来源：青石县委统战部2023年工作报告。"]
    assert {r[1] for r in removed(document)} == {"注释标号", "论文信息"}


def test_a_recommended_articles_list_takes_its_entries_even_one_that_asks_a_question(ingest):
    body = "今年以来，镇党委坚持把统战工作融入中心工作，走访党外人士一百二十人次，解决实际困难十五件。"
    document = read(ingest, "某镇统战工作综述", body, "往期推荐", "统战知识｜新的社会阶层人士包括哪些？",
                    "同心聚力｜我镇民营企业家迎春座谈会举行")
    assert texts(document) == [body]
    assert [rule for _, rule, _ in removed(document)] == ["推荐列表"] * 3


def test_a_question_the_article_asks_after_a_list_header_is_not_an_entry(ingest):
    body = "今年以来，镇党委坚持把统战工作融入中心工作，走访党外人士一百二十人次，解决实际困难十五件。"
    question = "如何让乡贤真正参与进来，又不越位、不添乱？"
    document = read(ingest, "某镇统战工作综述", "往期推荐", question, body)
    assert question in texts(document)


def test_a_file_name_above_the_title_is_furniture_and_the_title_is_the_line_below_it(ingest):
    document = read(ingest, "青石镇基层治理工作总结.docx", "上传者：qs2024　上传时间：2025-03-11",
                    "青石镇基层治理工作总结", BODY, MORE)
    assert document.title == "青石镇基层治理工作总结"
    assert (1, "文件名", "青石镇基层治理工作总结.docx") in removed(document)


def test_a_title_with_its_dash_subtitle_above_the_publishing_line_is_title_and_subtitle(ingest):
    document = read(ingest, "凝聚同心力量　共绘发展新图景", "——青石镇新的社会阶层人士统战工作纪实",
                    "原创 云溪统战 2025年06月18日 08:30", BODY, MORE)
    assert document.title == "凝聚同心力量 共绘发展新图景——青石镇新的社会阶层人士统战工作纪实"
    assert texts(document) == [BODY, MORE]


def test_a_title_on_two_lines_above_its_dash_subtitle_is_one_title(ingest):
    document = read(ingest, "以“同心园区”建设引领", "开发区非公经济人士统战工作", "——青石开发区的调查与思考",
                    BODY, MORE)
    assert document.title == "以“同心园区”建设引领开发区非公经济人士统战工作——青石开发区的调查与思考"


def test_a_collection_title_next_to_the_publishing_line_is_the_files_title_not_its_first_article(ingest):
    document = read(ingest, "基层统战工作范文（通用3篇）", "发布时间：2025-02-20　来源：网友投稿",
                    "统战工作是党的一项重要工作。下面是小编整理的范文，希望对大家有所帮助。",
                    "范文一", "做好新时代基层统战工作的几点体会", BODY, MORE)
    assert document.title == "基层统战工作范文（通用3篇）"
    assert texts(document)[:2] == ["范文一", "做好新时代基层统战工作的几点体会"]


def test_topic_tags_and_a_collapse_link_inside_a_post_are_cut_out_of_the_text(ingest):
    document = read(ingest, TITLE, HEADING, BODY + "#同心聚力促发展# #民营经济在身边# 收起全文d", MORE)
    assert texts(document) == [HEADING, BODY, MORE]
    assert {r.rule for r in document.removed} >= {"话题标签", "展开与收起"}


def test_a_bulletins_contents_go_with_their_header_and_its_articles_keep_their_titles(ingest):
    document = read(ingest, "统战工作动态", "本期要目", "◇云溪镇：乡贤回归带富一方", "◇青石街道建立同心驿站",
                    "云溪镇：乡贤回归带富一方", BODY, "青石街道建立同心驿站", MORE)
    assert document.title == "云溪镇：乡贤回归带富一方"
    assert texts(document) == [BODY, "青石街道建立同心驿站", MORE]
    assert [r.rule for r in document.removed] == ["刊头", "本期要目", "本期要目", "本期要目"]


def test_a_salutation_ending_in_a_colon_is_never_the_title(ingest):
    document = read(ingest, "综合科：", BODY, MORE)
    assert document.title == ""


def test_a_posts_title_with_a_comma_and_an_exclamation_right_above_its_publishing_line_is_its_title(ingest):
    document = read(ingest, "🌾一间工坊，一村共富！东村「同心共富工坊」的故事", "云溪统战 2025年8月12日 19:30 江西",
                    BODY, MORE)
    assert document.title == "🌾一间工坊，一村共富！东村「同心共富工坊」的故事"
    assert texts(document) == [BODY, MORE]


def test_a_marker_line_above_a_publishing_line_is_not_taken_for_the_title(ingest):
    document = read(ingest, "案例一 名称：东村“渔家议事坊”激活乡村治理", "报送单位：云溪县委统战部", BODY, MORE)
    assert document.title == ""


def test_a_posts_bracketed_title_is_its_title_and_the_account_above_its_publishing_line_is_furniture(ingest):
    document = read(ingest, "青石统一战线", "25-3-21 16:40 来自 微博网页版",
                    "【白沙镇：“企业吹哨 部门报到” 民营经济统战工作走深走实】" + BODY, MORE)
    assert document.title == "白沙镇：“企业吹哨 部门报到” 民营经济统战工作走深走实"
    assert texts(document) == [BODY, MORE]
    assert (1, "站点名称", "青石统一战线") in removed(document)


def test_a_short_bracketed_label_at_the_head_of_a_paragraph_is_no_title(ingest):
    document = read(ingest, TITLE, "【主要做法】" + BODY, MORE)
    assert document.title == TITLE_MENDED
    assert texts(document)[0] == "【主要做法】" + BODY


def test_a_bulletins_column_label_above_an_articles_title_is_furniture_but_a_marked_subhead_is_not(ingest):
    document = read(ingest, TITLE, HEADING, BODY, "▌企业风采", "青石园区成立同心联盟", MORE, "▍联起来", BODY + MORE)
    assert texts(document) == [HEADING, BODY, "青石园区成立同心联盟", MORE, "▍联起来", BODY + MORE]
    assert (4, "栏目", "▌企业风采") in removed(document)


@pytest.mark.parametrize("line", ["把握好“先进性 > 广泛性”与“一致性 > 多样性”的关系，做到团结和引导相统一。",
                                  "会议于2025-06-18 09:12在镇会议室召开，全镇32名党外人士参加。"])
def test_a_sentence_with_arrows_or_a_time_in_it_is_kept(ingest, line):
    document = read(ingest, TITLE, HEADING, line)
    assert texts(document) == [HEADING, line]
    assert document.removed == []


@pytest.mark.parametrize("line", ["统一战线、民营经济、基层治理和乡村振兴都是今年的重点工作。",
                                  "讲政治　顾大局　守纪律　促发展，是我们对统战干部的一贯要求。",
                                  "首页的设计要简洁，让群众一看就懂、一点就通。"])
def test_a_sentence_with_tag_or_navigation_words_in_it_is_kept(ingest, line):
    document = read(ingest, TITLE, HEADING, line)
    assert texts(document) == [HEADING, " ".join(line.split())]


def test_a_question_is_a_pages_title(ingest):
    document = read(ingest, "云问　首页　发现　提问", "基层统战干部如何做好民营企业家的联系服务工作？",
                    "关注问题　写回答　邀请回答", BODY, MORE)
    assert document.title == "基层统战干部如何做好民营企业家的联系服务工作？"
    assert texts(document) == [BODY, MORE]


@pytest.mark.parametrize("line", ["查看全部 9 个回答", "12 条评论", "默认　最新", "云溪小陈　04-03 · IP 属地江西"])
def test_a_qa_pages_answer_and_comment_heads_are_furniture(ingest, line):
    document = read(ingest, TITLE, HEADING, BODY, line)
    assert texts(document) == [HEADING, BODY]
    assert (4, "问答评论", " ".join(line.split())) in removed(document)


def test_the_lines_under_a_qa_pages_answer_and_comment_heads_are_the_lists(ingest):
    document = read(ingest, TITLE, "查看全部 9 个回答", "云溪老统战", "乡镇统战委员 · 基层工作者", "236 人赞同了该回答",
                    BODY, MORE, "12 条评论", "云溪小陈　04-03 · IP 属地江西", "干货，台账这个办法我们也在用。", "赞 14")
    assert texts(document) == [BODY, MORE]


def test_an_inline_review_mark_is_cut_out_of_the_text(ingest):
    document = read(ingest, TITLE, HEADING, "全县现有宗教活动场所41处；[Z1]有教职人员58人。", MORE)
    assert texts(document) == [HEADING, "全县现有宗教活动场所41处；有教职人员58人。", MORE]
    assert ("注释标号", "[Z1]") in [(r.rule, r.text) for r in document.removed]


def test_a_files_own_name_is_its_title_when_the_text_has_no_other(ingest):
    document = read(ingest, "青石乡2025年上半年统一战线工作总结.adoc", "创建者：吴某　最后编辑：2025-07-03 16:22",
                    "一、主要工作及成效", BODY, MORE)
    assert document.title == "青石乡2025年上半年统一战线工作总结"
    assert texts(document) == ["一、主要工作及成效", BODY, MORE]


def test_a_numbered_contents_list_goes_with_its_header_up_to_the_rule_under_it(ingest):
    document = read(ingest, "本期导读", "1. 云溪县：“三联三帮”激活非公企业党建新动能", "2. 青石街道：网格统战员打通服务最后一米",
                    "══════════", "【云溪县】“三联三帮”激活非公企业党建新动能", BODY, MORE,
                    "【青石街道】网格统战员打通服务最后一米", BODY + MORE, "══════════")
    kept = texts(document)
    assert "【云溪县】“三联三帮”激活非公企业党建新动能" in kept and "【青石街道】网格统战员打通服务最后一米" in kept
    assert not any(text.startswith(("1.", "2.")) for text in kept)


def test_a_shared_documents_comment_head_takes_the_comments_under_it(ingest):
    document = read(ingest, TITLE, HEADING, BODY, "💬 评论（3）", "第二部分再压缩一点。")
    assert texts(document) == [HEADING, BODY]
    assert (4, "评论", "💬 评论（3）") in removed(document)


def test_applause_and_a_dateline_are_cut_out_of_the_text(ingest):
    document = read(ingest, TITLE, HEADING, "青岚网青岚8月21日电（记者 邵某 通讯员 韩某）" + BODY, MORE + "（掌声）")
    assert texts(document) == [HEADING, BODY, MORE]
    assert {r.rule for r in document.removed} >= {"电头", "现场反应"}


def test_the_title_under_a_trail_that_ends_with_it_is_the_pages_title_comma_and_all(ingest):
    document = read(ingest, "某论坛", "首页 > 两岸交流 > 【经验分享】在白沙创业三年，说说我的感受", "[经验分享]",
                    "在白沙创业三年，说说我的感受", "楼主", "阿哲", BODY, MORE)
    assert document.title == "在白沙创业三年，说说我的感受"


def test_a_replys_own_publishing_line_does_not_end_the_reply(ingest):
    document = read(ingest, TITLE, BODY, "沙发", "小葵", "发表于 2025-5-20 22:10 | 只看该作者", "学到了！请问服务站在哪里？", MORE)
    assert "学到了！请问服务站在哪里？" not in texts(document)


def test_a_quoted_mail_goes_down_to_the_end(ingest):
    document = read(ingest, TITLE, HEADING, BODY, "----- 原始邮件 -----", "发件人: 某科 <a@b.cn>",
                    "各县（市、区）委统战部：为总结推广基层统战工作好经验好做法，请各单位推荐典型材料，于10月25日前报送。")
    assert texts(document) == [HEADING, BODY]


def test_a_bracketed_column_label_above_a_title_and_its_publishing_line_is_furniture(ingest):
    document = read(ingest, "某学习平台", "【典型案例】", "青岚市：“亲清会客厅”让政企沟通“零距离”",
                    "来源：青岚市委统战部　　2025-10-09", BODY, MORE)
    assert document.title == "青岚市：“亲清会客厅”让政企沟通“零距离”"
    assert (2, "栏目", "【典型案例】") in removed(document)


def test_a_taiwan_style_reporters_bracket_is_cut_from_the_head_of_its_paragraph(ingest):
    document = read(ingest, TITLE, HEADING, "〔记者林某／青岚报导〕" + BODY, MORE)
    assert texts(document) == [HEADING, BODY, MORE]


def test_a_side_menu_left_one_item_to_a_line_next_to_furniture_is_the_menu(ingest):
    document = read(ingest, TITLE, "首页 | 学院概况 | 新闻中心 | 党建工作", "组织建设", "统战工作", "工会工作", HEADING, BODY, MORE)
    assert texts(document) == [HEADING, BODY, MORE]


def test_a_few_short_lines_that_are_text_stay(ingest):
    document = read(ingest, TITLE, HEADING, "组织建设", "统战工作", BODY, MORE)
    assert texts(document) == [HEADING, "组织建设", "统战工作", BODY, MORE]


def test_a_questionnaires_statistics_go_with_each_questions_head(ingest):
    document = read(ingest, "某问卷 · 统计报告", "第1题：您目前从事的职业是［单选题］", "选项\t小计\t比例", "外卖配送员\t538\t44.57%",
                    "快递员\t312\t25.85%", "本题有效填写人次\t1207", "【分析结论】（以下内容由问卷发布者填写）",
                    "东城区新就业群体思想状况调查报告", "东城区委统战部　2025年8月", BODY, MORE)
    assert not document.title.startswith("第1题")
    assert not any("题" in text or "%" in text for text in texts(document))


def test_a_proposals_cause_field_is_its_title(ingest):
    document = read(ingest, "政协青岚市第五届委员会第四次会议", "第0217号", "案由：关于加强新生代民营企业家培养的建议",
                    "提案人：邵某（市工商联界别）", BODY, MORE)
    assert document.title == "关于加强新生代民营企业家培养的建议"
    assert texts(document) == [BODY, MORE]
    assert "title" not in document.metadata


def test_a_headline_with_commas_above_its_publishing_line_is_the_title_not_the_account_above_it(ingest):
    document = read(ingest, "青岚统战", "已关注", "一个村，三个民族，一本“和睦账”", "2025年9月3日 10:06　青岚县", BODY, MORE)
    assert document.title == "一个村，三个民族，一本“和睦账”"


def test_a_title_with_its_dash_subtitle_on_one_long_line_is_the_title(ingest):
    title = "从“能人回归”到“能人治村”——东塘镇凝聚新乡贤力量的调查"
    document = read(ingest, "某家号", title, "青岚统战", "2025-07-14 16:22 · 某家号认证：青岚县委统战部官方账号",
                    "阅读 2.1万　点赞 318", BODY, MORE)
    assert document.title == title


def test_a_forwarded_mail_is_the_material_and_stays(ingest):
    document = read(ingest, TITLE, "---------- 转发的邮件 ----------", "发件人: 某科 <a@b.cn>", HEADING, BODY, MORE)
    assert texts(document)[-3:] == [HEADING, BODY, MORE]


def test_a_chat_messages_head_is_never_the_files_title(ingest):
    document = read(ingest, "2025-06-27 9:41:05 东岭镇贺某(1318806274)", BODY + MORE,
                    "2025-06-27 9:42:05 东岭镇贺某(1318806274)", MORE + BODY,
                    "2025-06-27 9:43:05 城关镇邹某(2960114573)", "收到")
    assert document.title == ""
    assert texts(document) == [BODY + MORE, MORE + BODY]


def test_a_menu_row_with_a_navigation_word_and_an_apps_sign_up_button_are_furniture(ingest):
    document = read(ingest, "某书", "发现　发布　通知", "加入某页", TITLE, BODY, MORE)
    assert texts(document) == [BODY, MORE]
    assert document.title == TITLE_MENDED


def test_a_headline_with_commas_under_nothing_but_the_pages_furniture_is_the_title(ingest):
    headline = "驻村一年，我把乡贤工作的门道摸清了"
    document = read(ingest, "某书", "搜索你感兴趣的内容", "登录", "1/6", headline, BODY, MORE)
    assert document.title == headline
    assert texts(document) == [BODY, MORE]


def test_a_line_ending_in_an_emoji_is_ended_and_not_joined_to_the_next(ingest):
    document = read(ingest, TITLE, "姐妹们，今天不晒美食，认真聊聊工作😂", BODY, MORE)
    assert texts(document)[0] == "姐妹们，今天不晒美食，认真聊聊工作😂"


def test_an_encyclopedia_pages_contents_and_section_tools_are_furniture_its_headings_stay(ingest):
    document = read(ingest, "某科", "某某村", BODY, "中文名　某某村", "所属地区　青石县", "目录", "1 村情概况",
                    "2 统一战线工作", "▪ 主要做法", "村情概况", "编辑", "播报", MORE, "统一战线工作", "编辑", "播报", BODY)
    assert texts(document) == [BODY, "村情概况", MORE, "统一战线工作", BODY]


def test_a_contents_entry_with_leader_dots_closes_the_list_when_its_title_comes_back(ingest):
    entry = "案例1：青石镇“新联荟”服务新的社会阶层人士"
    document = read(ingest, "青石市基层统战工作典型案例汇编", "目　录", entry + "……………1",
                    "案例2：白沙村“乡贤理事会”激活乡村治理……………3", entry, BODY, MORE)
    assert entry in texts(document)


def test_a_comment_sections_time_lines_do_not_end_it(ingest):
    document = read(ingest, TITLE, BODY, MORE, "[发评论]", "北坡老农", "写得实在，乡镇统战就缺这种接地气的思考。",
                    "2025-04-23 08:12:40　[回复]", "某网友", "第三件可以多学学，茶座这个形式好。", "2025-04-23 19:05:11　[回复]")
    assert texts(document) == [BODY, MORE]


def test_a_pages_head_under_its_page_number_inside_a_sentence_is_furniture(ingest):
    cut = "我想，根子还在于我们有时候把少数民族流动人口当成“管理对象”，服务的意识还不够强，主动对接企业、拓展岗位的办法还"
    document = read(ingest, TITLE, BODY, cut, "— 3 —", "某街道座谈会交流材料", "不多。", MORE)
    assert texts(document) == [BODY, cut + "不多。", MORE]


def test_a_short_title_under_a_page_number_after_a_finished_sentence_stays(ingest):
    document = read(ingest, TITLE, BODY, "— 3 —", "主要成效与体会", MORE)
    assert "主要成效与体会" in texts(document)


def test_footnotes_under_the_rule_at_a_pages_foot_are_furniture_and_the_sentence_is_rejoined(ingest):
    cut = "二是“接不住”。一些接班人缺乏基层历练，对企业经营管理和行业情况了解不深，接班后出现"
    document = read(ingest, TITLE, BODY, cut, "——————————", "①数据来源：某县市场监管局2024年度市场主体统计。",
                    "②本报告百分比均按有效问卷108份计算。", "决策失误、骨干流失等情况。", MORE)
    assert texts(document) == [BODY, cut + "决策失误、骨干流失等情况。", MORE]


def test_a_numbered_line_under_a_rule_mid_text_is_no_footnote_without_a_note_mark(ingest):
    document = read(ingest, TITLE, BODY, "——————————", "1. 健全联系服务机制。", MORE)
    assert "1. 健全联系服务机制。" in texts(document) or "1.健全联系服务机制。" in texts(document)


def test_a_form_row_of_fields_and_a_rule_of_box_dashes_are_never_the_title(ingest):
    document = read(ingest, "某政通", "━━━━━━━━━━━━━━", "核稿：某某　紧急程度：平件　密级：非密",
                    "文件标题：关于报送青石开发区上半年统战工作情况的请示", BODY, MORE)
    assert document.title == "关于报送青石开发区上半年统战工作情况的请示"


@pytest.mark.parametrize("line", ["共 41 条评论", "12則留言　5次分享", "最相关 ▼", "撰写留言……"])
def test_a_comment_sections_head_takes_the_comments_under_it(ingest, line):
    document = read(ingest, TITLE, BODY, MORE, line, "蒲公英不说话", "请问屋场会一般怎么组织？我们村也想试试", "03-19")
    assert texts(document) == [BODY, MORE]


def test_a_compilers_note_is_cut_out_of_the_sentence_it_stands_in(ingest):
    line = "议事会商量出“社区补贴一半费用”的办法（整理者注：补贴资金来源发言中未提及，已与本人核实为街道专项经费），矛盾一下子就化解了。"
    document = read(ingest, TITLE, BODY, line, MORE)
    assert texts(document)[1] == "议事会商量出“社区补贴一半费用”的办法，矛盾一下子就化解了。"
    assert any(rule == "编者注" for _, rule, _ in removed(document))


@pytest.mark.parametrize(("line", "cut"), [
    ("【解说】某社区位于某区某街道中部，居住着十四个民族的居民五千六百多人。", "【解说】"),
    ("我想先请大家看看我手里的这张小卡片（停顿）。", "（停顿）"),
    ("街道把统战工作融入网格化治理，取得了明显成效。（下转第3版）", "（下转第3版）"),
    ("表{ SEQ 表 \\* ARABIC } 某县新乡贤构成情况", "{ SEQ 表 \\* ARABIC }"),
])
def test_a_scripts_label_a_stage_cue_a_page_jump_and_a_field_code_are_cut_out_of_the_line(ingest, line, cut):
    document = read(ingest, TITLE, BODY, line, MORE)
    assert texts(document)[1] == line.replace(cut, "").strip()


def test_a_digests_message_heads_start_their_articles_and_its_contents_go(ingest):
    from practice_kb.extract.articles import ArticleSplitter
    first, second = "青石镇统战工作纪实", "某公司：党建带统建 同心促发展"
    other = "某公司成立于2012年，是开发区一家从事锂电池隔膜研发的企业，党外知识分子占比超过七成。"
    document = read(ingest, "发件人：某某统战信息 <list@lists.example.cn>", "主题：某某统战信息 摘要，第 37 期", "今天的主题：",
                    f"1. {first}", f"2. {second}", "----------", "消息：1", "发件人：某街道 <a@example.cn>",
                    f"主题：{first}", first, BODY, MORE, "----------", "消息：2", "发件人：某开发区 <b@example.cn>",
                    f"主题：{second}", second, other)
    articles = ArticleSplitter().split(document)
    assert [a.title for a in articles] == [first, second]
    assert not any(t.startswith(("1.", "2.")) for t in texts(document))


def test_a_title_line_under_furniture_is_no_second_line_of_the_title_above_it(ingest):
    document = read(ingest, "某县“同心故事”微宣讲比赛参赛稿", "参赛编号：T-017　　参赛单位：某县某镇　　宣讲人：某某",
                    "一张联络卡　一条连心路", "——某镇乡贤工作的故事", BODY, MORE)
    assert document.title == "某县“同心故事”微宣讲比赛参赛稿"


def test_a_films_name_field_is_the_title_of_its_script(ingest):
    document = read(ingest, "某区融媒体中心　专题片脚本", "片名：同心聚力　共建家园", "片长：约7分钟", BODY, MORE)
    assert document.title == "同心聚力 共建家园"
    assert texts(document) == [BODY, MORE]
