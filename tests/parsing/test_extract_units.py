"""Unit names: recognising, splitting and matching two spellings of one unit."""

from __future__ import annotations

from parsing.units import canonical_unit, find_units, is_unit, same_unit, split_units


def test_abbreviation_and_full_name_are_one_unit():
    assert same_unit("县卫健委", "县卫生健康委员会")
    assert same_unit("县卫生健康委", "县卫健委")
    assert same_unit("市疾控中心", "市疾病预防控制中心")
    assert same_unit("县安委办", "县安全生产委员会办公室")
    assert canonical_unit("县 卫健委") == canonical_unit("县卫生健康委员会")
    assert same_unit("县住房城乡建设局", "县住建局") and same_unit("人社部", "人力资源社会保障部")


def test_different_units_stay_apart():
    assert not same_unit("县卫健委", "市卫健委")
    assert not same_unit("县卫生健康局", "县卫生健康委员会")
    assert not same_unit("局办公室", "局医政股")


def test_is_unit_reads_organ_endings_not_clauses():
    for name in ("局办公室", "各乡镇卫生院", "委属各单位", "卫生应急部门", "督查组", "各县（市、区）卫健委"):
        assert is_unit(name), name
    for phrase in ("安全生产", "强力推动内设科室", "专项行动", "社会", "严格医疗机构"):
        assert not is_unit(phrase), phrase


def test_split_units_keeps_a_coordinated_name_whole():
    assert split_units("局办公室、人事股、工委办") == ["局办公室", "人事股", "工委办"]
    assert split_units("医政股、疾控股、中医股等") == ["医政股", "疾控股", "中医股"]
    assert split_units("各县（市、区）卫生健康局、委属各单位") == ["各县（市、区）卫生健康局", "委属各单位"]
    # 医疗卫生 is no unit by itself: the phrase is one
    assert split_units("医疗卫生、托育和医养结合等各类机构") == ["医疗卫生、托育和医养结合等各类机构"]
    assert split_units("县应急管理局和县消防救援大队") == ["县应急管理局", "县消防救援大队"]


def test_find_units_in_running_text_with_spans():
    text = "县卫生健康委要按照要求，会同县应急管理局开展检查。市卫健委办公室负责汇总，各乡镇卫生院要配合。"
    found = find_units(text)
    names = [name for name, _ in found]
    assert "县卫生健康委" in names and "市卫健委办公室" in names and "各乡镇卫生院" in names
    assert "县应急管理局" in names
    for name, (a, b) in found:
        assert text[a:b] == name


def test_abbreviations_inside_longer_names():
    assert same_unit("县委办", "县委办公室")
    assert same_unit("县卫生健康局办公室", "县卫健局办公室")
    assert same_unit("县政府办", "县人民政府办公室")
    assert same_unit("局办", "局办公室")
    assert canonical_unit("局办公室") == "局办公室"  # 局办 is not cut out of 局办公室


def test_merged_bureaus_and_renamed_inspectorates():
    assert same_unit("区卫体局", "区卫生健康和体育局")
    assert same_unit("县教体局", "县教育和体育局") and same_unit("县教育体育局", "县教育和体育局")
    assert same_unit("县卫生监督所", "县卫生健康综合监督执法所")
    assert not same_unit("区卫体局", "区卫生健康局")


def test_organs_are_recognised_by_their_structure():
    # an opening that can be a preposition is part of a longer word; endings beyond the usual ones
    for name in ("自然资源部", "当地政府", "国家能源局综合司", "省财政厅", "税务机关", "试点地区", "各省份",
                 "海关总署", "各地区"):
        assert is_unit(name), name
    for phrase in ("对医疗机构", "由县卫健委", "如有关单位", "贫困地区", "在全县范围", "当前各单位", "对于医疗机构",
                   "对照有关部门", "以及有关部门"):
        assert not is_unit(phrase), phrase


def test_lists_sharing_a_head_stay_whole():
    assert split_units("各省、自治区、直辖市人民政府") == ["各省、自治区、直辖市人民政府"]
    assert split_units("省有关部门、单位") == ["省有关部门、单位"]
    assert split_units("各有关部门和单位") == ["各有关部门和单位"]
    assert split_units("发展改革、生态环境、商务等部门") == ["发展改革、生态环境、商务等部门"]
    # an organ before a group stands alone; the group keeps its head
    assert split_units("区卫生健康局、医疗卫生、托育和养老等各类机构") == ["区卫生健康局", "医疗卫生、托育和养老等各类机构"]
    assert split_units("财政部、国家发展改革委") == ["财政部", "国家发展改革委"]


def test_levels_and_higher_authorities():
    from parsing.units import outranks, unit_level

    levels = {name: unit_level(name) for name in ("国家卫生健康委", "自然资源部", "湖东省卫生健康委员会", "市卫生健康委基层卫生健康处",
                                                "临江市江北区卫生健康局", "县市场监管局", "各乡镇人民政府", "局办公室")}
    assert levels == {"国家卫生健康委": 0, "自然资源部": 0, "湖东省卫生健康委员会": 1, "市卫生健康委基层卫生健康处": 2,
                      "临江市江北区卫生健康局": 3, "县市场监管局": 3, "各乡镇人民政府": 4, "局办公室": None}
    assert outranks("国家卫生健康委", "临江市卫生健康委员会")
    assert outranks("省应急管理厅", "临江县应急管理局")
    assert not outranks("省卫生健康委", "湖东省卫生健康委员会")  # the issuer itself
    assert not outranks("市卫健委", "忻州市卫生健康委员会办公室")  # the organ an issuing office belongs to
    assert not outranks("局办公室", "临江县卫生健康局") and not outranks("国家卫生健康委", None)


def test_levels_before_one_organ_word_and_every_place_of_a_level():
    assert split_units("各市、县（市、区）人民政府") == ["各市、县（市、区）人民政府"]
    assert split_units("各市、县（市、区）") == ["各市、县（市、区）"]
    assert split_units("各乡镇、县直有关单位") == ["各乡镇", "县直有关单位"]  # 县直 is no level of 各乡镇
    assert split_units("各县、各乡镇") == ["各县", "各乡镇"]
    for name in ("各区县（市）", "各县市区", "各省区市", "各市州"):
        assert is_unit(name), name


def test_a_verb_phrase_ending_in_an_organ_word_is_no_unit():
    for phrase in ("按规定落实政府", "按要求落实属地政府", "加强医疗机构"):
        assert not is_unit(phrase), phrase
    assert is_unit("县委组织部") and is_unit("各级党委和政府")


def test_organ_words_with_place_characters_are_no_places():
    from parsing.units import unit_level

    assert unit_level("江州市住房和城乡建设局") == 2  # 城乡 is no 乡
    assert unit_level("县乡村振兴局") == 3 and unit_level("省市场监管局") == 1
    assert unit_level("江北区社区服务中心") == 3
    assert not is_unit("各地结合实际制定本地区") and not is_unit("本地区")
