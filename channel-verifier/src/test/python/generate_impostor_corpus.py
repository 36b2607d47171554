#!/usr/bin/env python3
"""Deterministic generator of the labelled impostor corpus (channel-verifier/src/test/resources/impostor/corpus.csv).

Each row names the tactic it exercises. Names come from official.csv and the real 2025 unit list;
links, phrases and substitutions are drawn with a fixed seed. Rules were not tuned name by name.
Run from the repository root: python3 channel-verifier/src/test/python/generate_impostor_corpus.py
"""
import csv, random, unicodedata

R = random.Random(20251101)
ROOT = 'channel-verifier/src/test/resources/impostor/'
official = list(csv.DictReader(open(ROOT + 'official.csv', encoding='utf-8')))
units = [r for r in csv.DictReader(open('platform-core/src/main/resources/data/units-2025.csv', encoding='utf-8'))]
communes = [u for u in units if u['level'] == 'commune']
provinces = [u for u in units if u['level'] == 'province']
rows = []

def add(label, tactic, link, name, about=''):
    rows.append([label, tactic, link, name, about])

def police(u):
    n = u['name']
    for lvl in ('Phường ', 'Xã ', 'Đặc khu '):
        if n.startswith(lvl):
            return 'Công an ' + lvl.lower() + n[len(lvl):]
    if n.startswith('Tỉnh '):
        return 'Công an tỉnh ' + n[5:]
    return 'Công an ' + n

def strip_accents(s):
    s = unicodedata.normalize('NFD', s).replace('đ', 'd').replace('Đ', 'D')
    return ''.join(c for c in s if unicodedata.category(c) != 'Mn')

def fake_handle():
    return R.choice(['hotro', 'tiepnhan', 'congan', 'ca', 'tinbao', 'phapluat', 'nguoidan']) + \
        R.choice(['.', '', '_']) + R.choice(['247', 'online', 'vn', str(R.randint(1, 999)), 'hotro', 'tructuyen'])

def fake_link():
    k = R.random()
    if k < 0.5:
        return 'https://www.facebook.com/' + fake_handle()
    if k < 0.8:
        return 'https://zalo.me/0' + str(R.randint(300000000, 999999999))
    return 'https://www.facebook.com/profile.php?id=1000' + str(R.randint(10**10, 10**11))

CYR = {'a': 'а', 'o': 'о', 'e': 'е', 'c': 'с', 'p': 'р', 'x': 'х', 'y': 'у', 'C': 'С', 'H': 'Н', 'B': 'В', 'T': 'Т', 'K': 'К', 'M': 'М'}
GRK = {'o': 'ο', 'a': 'α', 'n': 'η', 'i': 'ι', 'T': 'Τ', 'H': 'Η', 'B': 'Β', 'K': 'Κ'}
SCAM_ABOUT = ['Hỗ trợ lấy lại tiền bị lừa đảo qua mạng, cam kết hoàn tiền 100%.',
              'Tiếp nhận hồ sơ thu hồi tiền lừa đảo, làm việc 24/7.',
              'Hỗ trợ thu hồi tiền bị lừa đầu tư, sàn ảo. Liên hệ Zalo để được tư vấn.',
              'Tiếp nhận trình báo lừa đảo trực tuyến, hỗ trợ lấy lại số tiền đã mất.']
police_official = [o for o in official if 'Công an' in o['display_name'] or o['display_name'].startswith('Cục')]
sample_units = R.sample(communes, 40) + R.sample(provinces, 10)

# --- impostors -------------------------------------------------------------------------
for o in police_official:
    add('impostor', 'copied_unit_name', fake_link(), o['display_name'])
for u in sample_units[:30]:
    add('impostor', 'copied_unit_name', fake_link(), police(u), R.choice(['', 'Trang tiếp nhận phản ánh của người dân.']))
for u in sample_units[30:50]:
    add('impostor', 'copied_unit_name_with_suffix', fake_link(), police(u) + R.choice([' - Hỗ trợ người dân', ' - Tiếp nhận tin báo', ' (Official)', ' 24h']))
cuc = ['Cục Hỗ trợ nạn nhân lừa đảo trực tuyến', 'Cục Cảnh sát tiếp nhận trình báo lừa đảo', 'Cục Phòng chống lừa đảo công nghệ cao',
       'Cục Điều tra tội phạm mạng tiếp nhận trình báo', 'Cục An ninh tiền tệ', 'Cục Thu hồi tài sản lừa đảo Bộ Công an',
       'Cục Tiếp nhận trình báo tội phạm mạng', 'Cục Cảnh sát điều tra tội phạm công nghệ cao', 'Cục Xử lý lừa đảo trực tuyến']
for n in cuc:
    add('impostor', 'nonexistent_unit', fake_link(), n)
for i in range(16):
    place = R.choice(['Hạnh Phúc', 'Bình An Mới', 'Trung Tâm', 'Thịnh Vượng', 'Phú Quý', 'Tân Thời', 'Đông Kinh', 'Nam Việt'])
    add('impostor', 'nonexistent_unit', fake_link(), R.choice(['Công an phường ', 'Công an xã ', 'Công an quận ', 'Công an tỉnh ']) + place + R.choice(['', ' Mới', ' 2']))
scam_names = ['Hỗ trợ thu hồi tiền lừa đảo 24/7', 'Trung tâm lấy lại tiền bị lừa', 'Thu hồi tiền lừa đảo online', 'Hỗ trợ lấy lại tiền đầu tư',
              'Dịch vụ lấy lại tiền bị lừa qua mạng', 'Văn phòng hỗ trợ thu hồi tài sản', 'Lấy lại tiền bị lừa đảo - Uy tín', 'Hỗ trợ lấy lại tiền sàn ảo']
for i in range(30):
    if i < len(scam_names):
        add('impostor', 'scam_phrase', fake_link(), scam_names[i], R.choice(SCAM_ABOUT))
    else:
        u = R.choice(communes)
        add('impostor', 'scam_phrase', fake_link(), police(u) + ' ' + R.choice(['tiếp nhận hồ sơ', 'hỗ trợ thu hồi tiền', 'tiếp nhận trình báo']), R.choice(SCAM_ABOUT))
for o in R.sample(police_official, 10) + [{'display_name': police(u)} for u in R.sample(communes, 15)]:
    add('impostor', 'dropped_accents', fake_link(), strip_accents(o['display_name']) if R.random() < 0.7 else strip_accents(o['display_name']).upper())
for o in R.sample(police_official, 8) + [{'display_name': police(u)} for u in R.sample(communes, 12)]:
    add('impostor', 'nfd_input', fake_link(), unicodedata.normalize('NFD', o['display_name']))
for o in R.sample(police_official, 12) + [{'display_name': police(u)} for u in R.sample(communes, 13)]:
    table = CYR if R.random() < 0.6 else GRK
    n = o['display_name']
    idx = [i for i, c in enumerate(n) if c in table]
    for i in R.sample(idx, min(len(idx), R.randint(1, 3))):
        n = n[:i] + table[n[i]] + n[i + 1:]
    add('impostor', 'lookalike_characters', fake_link(), n)
fb = [o for o in official if o['normalized_id'].startswith('facebook.com/') and '/groups/' not in o['normalized_id']]
def one_edit(h):
    i = R.randrange(1, len(h) - 1)
    k = R.choice(['del', 'ins', 'sub', 'swap'])
    if k == 'del': return h[:i] + h[i + 1:]
    if k == 'ins': return h[:i] + R.choice('aeionhtg') + h[i:]
    if k == 'sub': return h[:i] + R.choice([c for c in 'aeionhtg' if c != h[i]]) + h[i + 1:]
    return h[:i - 1] + h[i] + h[i - 1] + h[i + 1:]
for o in fb + R.sample(fb, 7):
    h = o['normalized_id'].split('/', 1)[1]
    e = one_edit(h)
    if e != h:
        add('impostor', 'handle_one_letter', 'https://www.facebook.com/' + e, R.choice([o['display_name'], 'Tiếp nhận tin báo', '']))
LEET = {'o': '0', 'i': '1', 'e': '3', 'a': '4', 's': '5', 'l': '1'}
for o in R.sample(fb, 15 if len(fb) >= 15 else len(fb)):
    h = o['normalized_id'].split('/', 1)[1]
    idx = [i for i, c in enumerate(h) if c in LEET]
    i = R.choice(idx)
    add('impostor', 'digit_for_letter_handle', 'https://facebook.com/' + h[:i] + LEET[h[i]] + h[i + 1:], R.choice([o['display_name'], '']))
for o in R.sample(fb, 8):
    h = o['normalized_id'].split('/', 1)[1]
    i = R.randrange(2, len(h) - 1)
    add('impostor', 'doubled_letter_handle', 'https://m.facebook.com/' + h[:i] + h[i] + h[i:], '')
for o in R.sample(fb, 8):
    h = o['normalized_id'].split('/', 1)[1]
    add('impostor', 'handle_with_affix', 'https://facebook.com/' + R.choice([h + '.hotro', 'hotro.' + h, h + '247', h + 'vn']), '')
for d in ['bocongan-gov.vn', 'mps.gov.com', 'mpsgov.vn', 'bocongan.com.vn', 'bocongan.gov.vn.com', 'bo-congan.vn', 'boccongan.vn', 'hotro-bocongan.com',
          'bocongan-hotro.online', 'mps-gov.com', 'congan-hanoi.com', 'conganhanoi.vn', 'congan.hanoi.gov.com', 'congan-daklak.vn', 'congandaklak-gov.vn',
          'csgt-vn.com', 'csgt.vn.com', 'khonggianmang.vn', 'khong-gian-mang.com', 'conganhochiminhcity.com', 'congan-haiphong.net', 'congannhaiphong.gov.vn']:
    add('impostor', 'lookalike_domain', 'https://' + d + '/tiep-nhan', R.choice(['', 'Bộ Công an', 'Tra cứu hồ sơ']))
addr = [('87 Trần Hưng Đạo, Hoàn Kiếm, Hà Nội', 'Công an Thành phố Hà Nội'), ('44 Yết Kiêu, Hà Nội', 'Bộ Công an'),
        ('459 Trần Hưng Đạo, Quận 1, TP.HCM', 'Công an TP.HCM'), ('1 Lê Duẩn, Buôn Ma Thuột', 'Công an tỉnh Đắk Lắk')]
for i in range(12):
    a, u = addr[i % 4]
    add('impostor', 'about_copies_official', fake_link(), R.choice(['Trung tâm tiếp nhận tin báo trực tuyến', 'Tiếp nhận tố giác tội phạm', 'Hỗ trợ người dân trình báo', 'Phòng tiếp dân trực tuyến']),
        'Địa chỉ: ' + a + '. ' + u + '. ' + R.choice(['Hotline 0912345678.', 'Cites https://mps.gov.vn.', 'Làm việc 24/7.']))

# --- legitimate ------------------------------------------------------------------------
for u in R.sample(communes, 15):
    n = u['name']
    add('legitimate', 'other_agency_official', 'https://facebook.com/ubnd' + strip_accents(n).lower().replace(' ', ''), 'UBND ' + n)
    add('legitimate', 'other_agency_official', 'https://facebook.com/doanthanhnien' + str(R.randint(1, 99)), 'Đoàn Thanh niên ' + n)
for i in range(40):
    u = R.choice(communes)
    add('legitimate', 'neighbourhood_group', 'https://zalo.me/g/' + ''.join(R.choice('abcdefghkmnpqrstuvwxyz23456789') for _ in range(8)),
        R.choice(['Nhóm Zalo tổ dân phố ', 'Tổ dân phố ', 'Thôn ', 'Khu phố ', 'Cư dân tổ ', 'Buôn ']) + str(R.randint(1, 30)) + R.choice(['', ' ' + u['name']]),
        R.choice(['', 'Nhóm trao đổi thông tin của bà con trong tổ.', 'Số điện thoại ' + police(u) + ': 0262 3850 111. Có việc gì liên hệ cảnh sát khu vực.']))
biz = ['Cửa hàng Công Anh', 'Nhà thuốc Công Anh', 'Công ty TNHH An Phú', 'Luật sư tư vấn thu hồi nợ', 'Công ty luật Ba Đình', 'Tiệm vàng Kim An',
       'Quán cà phê Phường Xưa', 'Xe khách Hải Châu', 'Công ty bảo vệ An Ninh Việt', 'Thời trang Cảnh Sắc', 'Trần Công An', 'Nguyễn Công Ánh',
       'Bánh mì Cô Ba Đình', 'Khách sạn Sài Gòn Phường', 'Đại lý thuế Tân Lập', 'Công ty An ninh mạng VSEC', 'Trung tâm dịch vụ hành chính công',
       'Văn phòng công chứng Hoàn Kiếm', 'Shop đồ chơi mô hình xe cảnh sát', 'Dịch vụ thu hồi nợ đúng pháp luật', 'Cấp đổi giấy phép lái xe - hướng dẫn',
       'CA sĩ Minh Anh', 'Công an Nhân dân - Tự hào', 'Vận tải Hà Nội Xanh', 'Điện máy Hồng Bàng', 'Mầm non Cửa Nam', 'Hiệu sách Ea Kao',
       'Tư vấn bảo hiểm Hải Phòng', 'Gym Thanh Hóa', 'Sửa xe Cục Gạch', 'Cục Thuế tỉnh Nghệ An', 'Bảo hiểm xã hội Thành phố Hà Nội', 'Cảnh sát PCCC nhí - câu lạc bộ']
for b in biz:
    add('legitimate', 'business_shares_words', 'https://www.facebook.com/' + strip_accents(b).lower().replace(' ', '')[:18], b)
for n in ['Hội phụ nữ phường Ba Đình', 'Hội Chữ thập đỏ Thành phố Hà Nội', 'Quỹ bảo trợ trẻ em Đắk Lắk', 'Hội Cựu chiến binh phường Tân Lập',
          'Mặt trận Tổ quốc phường Sài Gòn', 'Hội người cao tuổi xã Ba Đình', 'Câu lạc bộ phòng chống lừa đảo cộng đồng', 'Tình nguyện viên Hải Châu',
          'Nhóm thiện nguyện Buôn Ma Thuột', 'Hội Luật gia Việt Nam', 'Trung tâm hỗ trợ phụ nữ và trẻ em', 'Quỹ Vì người nghèo Nghệ An',
          'Mạng lưới chống lừa đảo ChongLuaDao', 'Hội khuyến học Cửa Nam', 'Đội tình nguyện Hoàn Kiếm', 'Hội Nông dân Thanh Hóa']:
    add('legitimate', 'ngo', 'https://facebook.com/' + strip_accents(n).lower().replace(' ', '')[:20], n)
for link, n, about in [('https://cand.com.vn', 'Báo Công an nhân dân', ''), ('https://congan.com.vn', 'Báo Công an TP.HCM', ''),
                       ('https://anninhthudo.vn', 'An ninh Thủ đô', ''), ('https://vnexpress.net', 'VnExpress', ''), ('https://tuoitre.vn', 'Tuổi Trẻ', ''),
                       ('https://facebook.com/baocongannhandan', 'Báo Công an Nhân dân', 'Cơ quan ngôn luận của lực lượng Công an nhân dân.'),
                       ('https://youtube.com/@antv', 'Truyền hình Công an nhân dân ANTV', ''), ('https://facebook.com/tapchicanhsat', 'Tạp chí Cảnh sát nhân dân', ''),
                       ('https://facebook.com/vtv24', 'VTV24', 'Cảnh báo thủ đoạn lừa đảo hỗ trợ lấy lại tiền.'), ('https://thanhnien.vn', 'Báo Thanh Niên', ''),
                       ('https://facebook.com/tintucdaklak', 'Tin tức Đắk Lắk 24h', ''), ('https://dantri.com.vn', 'Dân trí', ''),
                       ('https://facebook.com/canhbaoluadao', 'Cảnh báo lừa đảo', 'Không có dịch vụ nào lấy lại tiền bị lừa. Cảnh báo: mạo danh hỗ trợ thu hồi tiền.'),
                       ('https://facebook.com/tinnongcanhbao', 'Tin nóng cảnh báo', 'Cảnh giác với các trang giả mạo hỗ trợ lấy lại tiền.'),
                       ('https://laodong.vn', 'Báo Lao Động', ''), ('https://facebook.com/baophapluat', 'Báo Pháp luật Việt Nam', '')]:
    add('legitimate', 'news_or_warning', link, n, about)

# --- official ----------------------------------------------------------------------------
for o in official:
    nid = o['normalized_id']
    add('official', 'registered_channel', '', o['display_name'])
    rows[-1][2] = 'https://www.' + nid if not nid.startswith('zalo') else 'https://' + nid
    if R.random() < 0.4 and nid.startswith('facebook.com/'):
        add('official', 'registered_channel_raw_link', 'https://m.facebook.com/' + nid.split('/', 1)[1] + '/?ref=share', o['display_name'])

with open(ROOT + 'corpus.csv', 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f)
    w.writerow(['label', 'tactic', 'link', 'name', 'about'])
    w.writerows(rows)
print(len(rows), 'rows')
